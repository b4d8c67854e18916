import { BadRequestError } from "./core/errors";

/**
 * Narrows an error to a 400 whose `fieldErrors` are keyed by the writable fields
 * of the resource the request went to: `if (isBadRequest(e, rp.dcim.servers)) e.fieldErrors.name`.
 */
export function isBadRequest<C extends { create: (body: never, ...rest: never[]) => unknown }>(
  err: unknown,
  _resource?: C,
): err is BadRequestError<keyof Parameters<C["create"]>[0] & string> {
  return err instanceof BadRequestError;
}
