import { accessCards } from "./access-cards";
import { accessZones } from "./access-zones";
import { accessories } from "./accessories";
import { warehouses } from "./warehouses";

export { AccessCardStatus } from "./access-cards";
export { AccessoryOrientation } from "./accessories";
/** DCIM resources beyond the lifecycle core (issue 8), spread into the `dcim` app. */
export const dcimCatalogue = { warehouses, accessories, accessZones, accessCards } as const;
