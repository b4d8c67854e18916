import type { FieldErrors } from "@rackplane/contract";
import { pgError, uniqueMessage } from "../http/errors";
import type { Binding } from "./binding";
import { ApiError, MissingObjects, ReferencedObjects } from "./errors";

type Item = Record<string, unknown>;

/**
 * Runs a bulk write and turns the failures that are not validation errors into
 * per-item ones: the status stays (404 missing id, 409 duplicate or referenced
 * object) and the body gains `items` — one error object per item sent, `{}` for
 * the items that were fine — and a `detail` that names the items by index.
 */
export async function withItemErrors<T>(b: Binding, items: Item[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw itemErrorsOf(b, items, err) ?? err;
  }
}

function itemErrorsOf(b: Binding, items: Item[], err: unknown): ApiError | undefined {
  const errors: FieldErrors[] = items.map(() => ({}));
  const at = (i: number, field: string, message: string) => {
    const cur = errors[i]![field];
    errors[i]![field] = [...(Array.isArray(cur) ? (cur as string[]) : []), message];
  };
  let status: number;
  let detail: string;
  if (err instanceof MissingObjects) {
    status = 404;
    for (const [i, it] of items.entries())
      if (err.ids.includes(it.id as number)) at(i, "id", `No ${err.model} matches id ${it.id}.`);
    detail = String((err.body as { detail: string }).detail);
  } else if (err instanceof ReferencedObjects) {
    status = 409;
    for (const [i, it] of items.entries()) {
      const why = err.referenced.get(it.id as number);
      if (why) at(i, "id", `Still referenced by ${why}.`);
    }
    detail = String((err.body as { detail: string }).detail);
  } else {
    const pg = pgError(err);
    if (pg?.code !== "23505") return undefined;
    status = 409;
    detail = uniqueMessage(pg);
    const key = /Key \((.+)\)=\((.*)\) already exists/.exec(pg.detail ?? "");
    if (!key) return undefined;
    const columns = key[1]!.split(", ");
    const values = key[2]!.split(", ");
    const fieldOf = new Map([...b.columns].map(([field, column]) => [column, field]));
    for (const [i, it] of items.entries()) {
      const compared = columns.map((c, k) => sameValue(it[fieldOf.get(c) ?? c], values[k]!));
      // Columns the item does not carry (an FK written as an object) neither match nor refute.
      if (compared.some((x) => x === true) && !compared.includes(false)) {
        const fields = columns.map((c) => fieldOf.get(c) ?? c);
        at(i, fields.length === 1 ? fields[0]! : "non_field_errors", detail);
      }
    }
  }
  const failed = errors.flatMap((e, i) => (Object.keys(e).length ? [i] : []));
  if (!failed.length) return undefined;
  return new ApiError(status, {
    detail: `${detail} (item${failed.length > 1 ? "s" : ""} ${failed.join(", ")})`,
    items: errors,
  });
}

/** true/false when the sent value can be compared with the one PostgreSQL reported, undefined otherwise. */
function sameValue(sent: unknown, reported: string): boolean | undefined {
  if (sent === undefined || (typeof sent === "object" && sent !== null)) return undefined;
  const a = String(sent).trim().toLowerCase();
  const r = reported.toLowerCase();
  return a === r || `${a}/32` === r || a === `${r}/32`;
}
