import { configurationClasses } from "./configuration-classes";
import { configurationModules } from "./configuration-modules";
import { environments } from "./environments";
import { serviceEnvironments } from "./service-environments";
import { services as serviceList } from "./services";
import { supports } from "./supports";
import { teams } from "./teams";

export const services = {
  services: serviceList,
  environments,
  serviceEnvironments,
  configurationModules,
  configurationClasses,
  teams,
  supports,
} as const;
