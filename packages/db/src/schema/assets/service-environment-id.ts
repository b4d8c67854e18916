import { integer } from "drizzle-orm/pg-core";
import { serviceEnvironments } from "../services/service-environments";

/** An asset's service environment (cleared when that is deleted). */
export const serviceEnvironmentId = () =>
  integer("service_environment_id").references(() => serviceEnvironments.id, { onDelete: "set null" });
