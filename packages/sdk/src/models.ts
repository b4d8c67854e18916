import type { resources } from "@rackplane/contract";
import type { z } from "zod";

/**
 * Data types of every resource, by app and contract name:
 * `Model<"dcim", "servers">` is a server as read, `CreateInput<"dcim", "servers">`
 * what `create` accepts, `ListFilters<"dcim", "servers">` what `list` accepts.
 */
export type Resources = typeof resources;
export type AppName = keyof Resources;
export type ResourceName<A extends AppName> = keyof Resources[A] & string;

type Schemas<A extends AppName, N extends ResourceName<A>> = Resources[A][N] extends { schemas: infer S } ? S : never;
type Out<S, K extends string> = S extends { [P in K]: infer Z extends z.ZodTypeAny } ? z.output<Z> : never;
type In<S, K extends string> = S extends { [P in K]: infer Z extends z.ZodTypeAny } ? z.input<Z> : never;

export type Model<A extends AppName, N extends ResourceName<A>> = Out<Schemas<A, N>, "Read">;
export type BriefModel<A extends AppName, N extends ResourceName<A>> = Out<Schemas<A, N>, "Brief">;
export type CreateInput<A extends AppName, N extends ResourceName<A>> = In<Schemas<A, N>, "Create">;
export type UpdateInput<A extends AppName, N extends ResourceName<A>> = In<Schemas<A, N>, "Update">;
export type PatchInput<A extends AppName, N extends ResourceName<A>> = In<Schemas<A, N>, "Patch">;
export type ListFilters<A extends AppName, N extends ResourceName<A>> = In<Schemas<A, N>, "Filters">;
/** Names `fieldErrors` may carry for a resource's writes. */
export type WritableField<A extends AppName, N extends ResourceName<A>> = keyof CreateInput<A, N> & string;
