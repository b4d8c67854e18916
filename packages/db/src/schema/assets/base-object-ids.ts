import { sql } from "drizzle-orm";
import { integer, pgSequence } from "drizzle-orm/pg-core";

/**
 * One id sequence for every asset table (servers, switches, back-office assets,
 * virtual servers, cloud hosts), so an id names one asset whatever its type and
 * `assets/base-objects` can list them all with stable, unique ids.
 */
export const baseObjectIds = pgSequence("base_object_ids");

/** The primary key of an asset table, drawn from `base_object_ids`. */
export const baseObjectId = () => integer("id").primaryKey().default(sql`nextval('base_object_ids')`);
