export * from "./ip-addresses";
export * from "./network-environments";
export * from "./networks";
