export { Rackplane, Rackplane as default } from "./client";
export { APIPromise, type WithRequestId } from "./core/api-promise";
export type { ClientOptions, Fetch, RequestOptions } from "./core/client";
export * from "./core/errors";
export { Page, type PageBody, PagePromise } from "./core/pagination";
export type { BackoffSettings } from "./core/retry";
export type { MethodArgs, MethodResult, ResourceClient, TransitionName } from "./core/types";
export { isBadRequest } from "./guards";
export type * from "./models";
