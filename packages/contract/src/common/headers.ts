/** The API version this contract describes; sent as `API-Version` on every response. */
export const API_VERSION = "1";
/** Versions a client may ask for with `Accept: application/json; version=N`. */
export const SUPPORTED_VERSIONS = ["1"] as const;
export const REQUEST_ID_HEADER = "x-request-id";
export const API_VERSION_HEADER = "api-version";
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
