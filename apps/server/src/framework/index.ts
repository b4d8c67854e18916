/**
 * What resource modules (`src/resources/**`) may use of the framework: defining a
 * binding, the service they hand writes to, and the SQL and error helpers their rules
 * need. Everything else in `framework/` is internal (Biome's `noRestrictedImports`
 * refuses other imports from resource modules).
 */
export {
  type AfterWrite,
  type Binding,
  type BindingTree,
  type Derive,
  defineBinding,
  type HandlerDeps,
  type RouteInput,
  type RouteResult,
  type StandardHandlers,
  type Validate,
  type WriteCheck,
} from "./binding";
export type { RequestContext } from "./context";
export { badRequest, conflict, notFound } from "./errors";
export type { JoinTable } from "./m2m";
export { defaultPageSettings } from "./pagination";
export { parseConstraint, resourcesNamed, STANDARD_ACTIONS, splitList } from "./permissions";
export { type Access, asCaller, callerGroups, callerId, seenBy } from "./scope";
export { scopedImage, scopedRepr } from "./scoped-images";
export { ResourceService } from "./service";
export { anyId, col, ident, likeEscape, values } from "./sql";
