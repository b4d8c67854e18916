/**
 * Result types chosen by a call's `brief`, `fields` and `exclude`: the server
 * answers with the brief form, with only the named fields, or with every field but
 * the excluded ones — `id`, `url` and `display` always come. The generated `list`
 * and `retrieve` infer `F`, `E` and `B` from the query (one signature, no overloads:
 * a generic interface is instantiated lazily, so the choice costs the checker little).
 */

/** What `brief` takes; `true`, `"true"` and `"1"` ask for the brief form. */
export type BriefParam = boolean | "true" | "false" | "1" | "0";
type BriefYes = true | "true" | "1";

/** Fields a response carries whatever `fields`/`exclude` say. */
export type AlwaysPresent = "id" | "url" | "display";

/** A model restricted by `fields`: the named fields and the ones always present. */
export type Sparse<M, F extends PropertyKey> = Pick<M, Extract<F | AlwaysPresent, keyof M>>;

/** A model restricted by `exclude`: every field but those (the always-present ones stay). */
export type Excluded<M, E extends PropertyKey> = Omit<M, Exclude<E, AlwaysPresent>>;

/**
 * The model a read returns: `Brief` for `brief: true`, else `Sparse` for `fields`,
 * else `Excluded` for `exclude`, else the full model `M`.
 */
export type Selected<M, Brief, F extends PropertyKey, E extends PropertyKey, B> = B extends BriefYes
  ? Brief
  : [F] extends [never]
    ? [E] extends [never]
      ? M
      : Excluded<M, E>
    : Sparse<M, F>;
