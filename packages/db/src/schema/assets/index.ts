export * from "./assets";
export * from "./base-object-ids";
