export * from "./configuration";
export * from "./environments";
export * from "./service-environments";
export * from "./services";
export * from "./supports";
export * from "./teams";
