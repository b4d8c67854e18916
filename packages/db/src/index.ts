export * from "./client";
export { migrationsKey } from "./migrations-key";
export { queryCounter } from "./query-counter";
export { rowsOf } from "./rows-of";
export * as schema from "./schema/index";
export { BASE_OBJECTS_VIEW_SQL, baseObjectsView } from "./views/base-objects";
