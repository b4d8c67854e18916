import type { z } from "zod";
import type { APIPromise, WithRequestId } from "./api-promise";
import type { RequestOptions } from "./client";
import type { PagePromise } from "./pagination";
import type { AndWaitOptions } from "./routes";

/**
 * The client's method signatures, computed from the contract's route types. A
 * route becomes `(…path params, body?, query?, options?) => promise of its success
 * response`; nothing here names a resource.
 */

/** SDK method names where they differ from the contract's route names. */
export type MethodName<K extends string> = K extends "partialUpdate"
  ? "patch"
  : K extends "bulkPartialUpdate"
    ? "bulkPatch"
    : K;

type StripIndex<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** Transition names of a resource's workflow (never without one). */
export type TransitionName<Res> =
  NonNullable<Res extends { workflow?: infer W } ? W : never> extends { transitions: infer X }
    ? keyof StripIndex<X> & string
    : never;

type In<S> = S extends z.ZodTypeAny ? z.input<S> : never;
type PathArgs<R, T extends string> = R extends { pathParams: z.ZodObject<infer S extends z.ZodRawShape> }
  ? [
      ...("app" extends keyof S ? [app: In<S["app"]>] : []), // per-app roots, `/api/:app/`
      ...("id" extends keyof S ? [id: number] : []),
      ...("transition" extends keyof S ? [transition: [T] extends [never] ? In<S["transition"]> : T] : []),
    ]
  : [];

type BodyArgs<R> = R extends { body: infer B extends z.ZodTypeAny }
  ? {} extends z.input<B>
    ? [body?: z.input<B>]
    : [body: z.input<B>]
  : [];

type QueryArgs<R> = R extends { query: infer Q extends z.ZodTypeAny }
  ? {} extends z.input<Q>
    ? [query?: z.input<Q>]
    : [query: z.input<Q>]
  : [];

export type MethodArgs<R, T extends string = never, O = RequestOptions> = [
  ...PathArgs<R, T>,
  ...BodyArgs<R>,
  ...QueryArgs<R>,
  options?: O,
];

/** Schema of the first success status the route declares (undefined when it answers without a body). */
type SuccessSchema<Rs> = 200 extends keyof Rs
  ? Rs[200]
  : 201 extends keyof Rs
    ? Rs[201]
    : 202 extends keyof Rs
      ? Rs[202]
      : undefined;

export type MethodResult<R> = R extends { responses: infer Rs }
  ? SuccessSchema<Rs> extends infer S extends z.ZodTypeAny
    ? z.output<S> extends { count: number; next: unknown; results: (infer Item)[] }
      ? PagePromise<Item>
      : APIPromise<WithRequestId<z.output<S>>>
    : APIPromise<void>
  : never;

export type RouteMethod<R, T extends string = never> = (...args: MethodArgs<R, T>) => MethodResult<R>;

/** The job a route answers 202 with (never for a route that starts none). */
type StartedJob<R> = R extends { responses: { 202: infer S extends z.ZodTypeAny } } ? z.output<S> : never;

/** `xAndWait`: the same arguments (options may add `wait`), resolving with the finished job. */
export type AndWaitMethod<R, T extends string = never> = (
  ...args: MethodArgs<R, T, AndWaitOptions>
) => Promise<StartedJob<R>>;

/** One resource's client: a method per contract route, plus `…AndWait` for routes that start a job. */
export type ResourceClient<Res extends { routes: object }> = {
  [K in keyof Res["routes"] & string as MethodName<K>]: RouteMethod<Res["routes"][K], TransitionName<Res>>;
} & {
  [K in keyof Res["routes"] & string as [StartedJob<Res["routes"][K]>] extends [never]
    ? never
    : `${MethodName<K>}AndWait`]: AndWaitMethod<Res["routes"][K], TransitionName<Res>>;
};

/** Routers not attached to a resource (`rp.system.status()`), nested as in the contract. */
export type RoutesClient<Routes> = {
  [K in keyof Routes & string]: Routes[K] extends { method: string; path: string }
    ? RouteMethod<Routes[K]>
    : RoutesClient<Routes[K]>;
};

/** The resource tree by app: `rp.dcim.servers`, `rp.core.tags` … */
export type ResourceTree<Tree> = {
  [A in keyof Tree]: {
    [N in keyof Tree[A]]: Tree[A][N] extends { routes: object } ? ResourceClient<Tree[A][N]> : never;
  };
};
