export * from "./client";
export * as schema from "./schema/index";
export { BASE_OBJECTS_VIEW_SQL, baseObjectsView } from "./views/base-objects";
