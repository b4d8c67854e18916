import type { FieldErrors, RelationFieldDef } from "@rackplane/contract";
import { type Database, rowsOf } from "@rackplane/db";
import { type SQL, sql } from "drizzle-orm";
import { recordChanges } from "./audit";
import { allBindings, type Binding, targetKey } from "./binding";
import type { RequestContext } from "./context";
import { ApiError, badRequest, MissingObjects, notFound, ReferencedObjects } from "./errors";
import { whereOf } from "./filters";
import { listPage } from "./list-page";
import { m2mStorage } from "./m2m";
import { BoundedMemo } from "./memo";
import { type PageSettings, windowOf } from "./pagination";
import { notPermitted, refuseOutside } from "./permissions";
import { present, presentAll, selectList } from "./read";
import { andVisible, type Scope, scoped, scopeOf, UNRESTRICTED, visibleRows } from "./scope";
import { anyId, type Compiled, col, compiled, ident, idMatch, list, resetAliases } from "./sql";
import { betweenChunks, columnTypes, ROWS_PER_STATEMENT, unnestSelect } from "./unnest";
import { transitionOf, workflowErrors } from "./workflow-guard";
import { prepareWrites, writeM2M } from "./writes";

const A = "t";
/** `fetchRows`' statements, rendered once per resource, field choice and scope. */
const rowStatements = new BoundedMemo<Compiled>();
const where = (conds: SQL[]) => (conds.length ? sql`WHERE ${list(conds, " AND ")}` : sql``);
/** Context of internal calls that have no request (delete without one). */
const internal: RequestContext = { requestId: "", baseUrl: "", query: {}, path: "" };

/** Generic CRUD over any bound resource; every statement is built from declarations. */
export class ResourceService {
  constructor(
    private readonly db: Database,
    private readonly pages: PageSettings,
  ) {}

  /** A page and its exact count: two statements whatever the page size, depth or pagination style. */
  async list(b: Binding, query: Record<string, unknown>, ctx: RequestContext) {
    resetAliases();
    const w = windowOf(query, this.pages);
    const scope = scopeOf(ctx);
    const { conds, valueFilter, tagFilter } = whereOf(b, A, query, scope);
    const rule = visibleRows(b, scope, A);
    // A visibility rule is one more condition: then the per-value and per-tag counts do not apply.
    return listPage(
      this.db,
      b,
      A,
      rule ? [...conds, rule] : conds,
      w,
      query,
      ctx,
      scope,
      rule ? undefined : valueFilter,
      rule ? undefined : tagFilter,
    );
  }

  /** The object as the caller sees it; one the caller may not see is a 404 like a missing one. */
  async retrieve(b: Binding, id: number, ctx: RequestContext, brief = false, db: Database = this.db) {
    const scope = scopeOf(ctx);
    const [row] = await this.fetchRows(db, b, [id], { brief, scope, rows: scope });
    if (!row) throw notFound(`No ${b.resource.model} matches id ${id}.`);
    return present(b.resource, row, ctx, brief);
  }

  /**
   * Runs the binding's after-write hook, then reads the written objects back: `images` for
   * the change log (complete: the log is filtered when read), `shown` as the caller sees them.
   */
  private async afterWrite(tx: Database, b: Binding, ids: number[], ctx: RequestContext) {
    await b.afterWrite?.(tx, ids, ctx);
    // Bulk writes present thousands of rows: a turn of the event loop between chunks (presentAll).
    const images = await presentAll(b.resource, await this.fetchRows(tx, b, ids), ctx);
    const scope = scopeOf(ctx);
    const shown = scope.key ? await presentAll(b.resource, await this.fetchRows(tx, b, ids, { scope }), ctx) : images;
    return { images, shown };
  }

  /**
   * Rows of `ids` in `selectList` form, in the order asked. `scope`: what nested objects and
   * counts show; `rows`: whose visibility the rows themselves need (none: every row).
   */
  private async fetchRows(db: Database, b: Binding, ids: number[], options: FetchOptions = {}) {
    const { brief = false, scope = UNRESTRICTED, rows: rowScope = UNRESTRICTED } = options;
    if (!ids.length) return [];
    if (ids.length > ROWS_PER_STATEMENT) {
      // A bulk write's read-back: as many rows per statement as it wrote, a turn between.
      const out: Record<string, unknown>[] = [];
      for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
        await betweenChunks(i);
        out.push(...(await this.fetchRows(db, b, ids.slice(i, i + ROWS_PER_STATEMENT), options)));
      }
      return out;
    }
    const one = ids.length === 1;
    const caller = scope.key ? scope : rowScope;
    // The text depends on these only: scope keys name their rules' text (scope.ts).
    const statement = rowStatements.get(
      `${b.resource.key}|${brief ? 1 : 0}|${scope.key}|${rowScope.key}|${one}`,
      () => {
        resetAliases();
        const conds = andVisible(b, rowScope, A, [sql`${col(A, "id")} ${idMatch(one, sql.placeholder("ids"))}`]);
        return compiled(
          scoped(
            caller,
            sql`SELECT ${selectList(b, A, brief, undefined, scope)} FROM ${ident(b.tableName)} ${ident(A)} ${where(conds)}`,
            sql.placeholder("caller"),
          ),
        );
      },
    );
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(statement.bind({ ids: one ? ids[0] : ids, caller: caller.userId })),
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return ids.map((id) => byId.get(id)).filter((r): r is Record<string, unknown> => r !== undefined);
  }

  /** One transaction for an action that locks rows before writing through the service (`db` below). */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(tx as Database));
  }

  /** Creates every item or none; errors come back per item. */
  async create(
    b: Binding,
    items: Record<string, unknown>[],
    ctx: RequestContext,
    bulk: boolean,
    /** An enclosing transaction (the write becomes a savepoint in it). */
    db: Database = this.db,
  ) {
    return db.transaction(async (tx) => {
      const errors: FieldErrors[] = items.map(() => ({}));
      const scope = scopeOf(ctx);
      const prepared = await prepareWrites(tx as Database, b, items, errors, true, scope);
      if (b.derive)
        for (const p of prepared)
          Object.assign(p.columns, await b.derive({ tx: tx as Database, values: p.columns, ctx }));
      await this.check(
        tx as Database,
        b,
        prepared.map((p) => p.columns),
        errors,
        ctx,
        bulk,
      );
      const rows = prepared.map((p) => ({
        ...p.columns,
        created_by_request: ctx.requestId,
        updated_by_request: ctx.requestId,
      }));
      const ids = await this.insertRows(tx as Database, b, rows);
      for (const [i, id] of ids.entries()) await writeM2M(tx as Database, b, id, prepared[i]!.m2m, scope, true);
      await refuseOutside(tx as Database, b, ids, scope.permissions, "add");
      const created = await this.afterWrite(tx as Database, b, ids, ctx);
      await recordChanges(
        tx as Database,
        b,
        ctx,
        "create",
        created.images.map((post) => ({ id: Number(post.id), pre: null, post })),
      );
      return created.shown;
    });
  }

  /**
   * Inserts rows in order and returns their ids in the same order. Rows that
   * all carry the same columns (the normal case: defaults are filled in) go
   * through `unnest`, `ROWS_PER_STATEMENT` per statement; otherwise the SQL builder's VALUES
   * list (which can say DEFAULT per row).
   */
  private async insertRows(tx: Database, b: Binding, rows: Record<string, unknown>[]): Promise<number[]> {
    const ids: number[] = [];
    const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const uniform = rows.every((r) => names.every((n) => n in r));
    const types = columnTypes(b.table);
    const step = uniform ? ROWS_PER_STATEMENT : 1000;
    for (let i = 0; i < rows.length; i += step) {
      await betweenChunks(i);
      const chunk = rows.slice(i, i + step);
      if (uniform) {
        const columns = names.map((name) => ({ name, type: types.get(name)! }));
        const select = unnestSelect(
          columns,
          chunk.map((r) => names.map((n) => r[n])),
        );
        const res = await tx.execute(
          sql`INSERT INTO ${ident(b.tableName)} (${list(names.map(ident))}) ${select} RETURNING id`,
        );
        ids.push(...rowsOf<{ id: number }>(res).map((r) => Number(r.id)));
        continue;
      }
      const res = await tx
        .insert(b.table)
        .values(chunk as never)
        .returning({ id: (b.table as unknown as { id: never }).id });
      ids.push(...res.map((r: { id: number }) => r.id));
    }
    return ids;
  }

  /**
   * Updates every item or none. `partial` (PATCH) changes only what was sent; PUT
   * returns omitted optional fields to their defaults.
   */
  async update(
    b: Binding,
    items: (Record<string, unknown> & { id: number })[],
    ctx: RequestContext,
    partial: boolean,
    bulk: boolean,
    /** Checks the current representation under the row lock (`If-Match`); throws to refuse. */
    precondition?: (current: Record<string, unknown>) => void,
  ) {
    return this.db.transaction(async (tx) => {
      const ids = items.map((i) => i.id);
      const existing = await this.lockRows(tx as Database, b, ids, ctx, "change");
      const before = await this.fetchRows(tx as Database, b, ids);
      const scope = scopeOf(ctx);
      if (precondition) {
        // `If-Match` compares with what the caller was shown.
        const shown = scope.key ? await this.fetchRows(tx as Database, b, ids, { scope }) : before;
        for (const r of shown) precondition(present(b.resource, r, ctx));
      }
      const errors: FieldErrors[] = items.map(() => ({}));
      const prepared = await prepareWrites(tx as Database, b, items, errors, !partial, scope, (i) =>
        existing.get(ids[i]!),
      );
      const merged = prepared.map((p, i) => ({ ...existing.get(ids[i]!)!, ...p.columns }));
      if (b.derive) {
        for (const [i, p] of prepared.entries()) {
          const values = merged[i]!;
          const derived = await b.derive({ tx: tx as Database, values, existing: existing.get(ids[i]!), ctx });
          Object.assign(p.columns, derived);
          Object.assign(values, derived);
        }
      }
      await this.check(tx as Database, b, merged, errors, ctx, bulk, existing, ids);
      for (const [i, p] of prepared.entries()) {
        const id = ids[i]!;
        const set = { ...p.columns, updated_by_request: ctx.requestId, updated: sql`now()` };
        await tx
          .update(b.table)
          .set(set as never)
          .where(sql`id = ${id}`);
        await writeM2M(tx as Database, b, id, p.m2m, scope);
      }
      await refuseOutside(tx as Database, b, ids, scope.permissions, "change");
      const after = await this.afterWrite(tx as Database, b, ids, ctx);
      await recordChanges(
        tx as Database,
        b,
        ctx,
        "update",
        after.images.map((post, i) => ({
          id: ids[i]!,
          pre: present(b.resource, before[i]!, ctx),
          post,
          transition: transitionOf(b, merged[i]!, existing.get(ids[i]!)),
        })),
      );
      return after.shown;
    });
  }

  /** Changes stored columns directly (transitions, actions) and returns the new representation. */
  async setColumns(
    b: Binding,
    id: number,
    columns: Record<string, unknown>,
    ctx: RequestContext,
    /** Checked against the locked row; throws to refuse. */
    guard?: (row: Record<string, unknown>) => void,
    /** Recorded with the change (a workflow transition and its parameters). */
    transition?: Record<string, unknown>,
    /** The permission action the caller needs on this object (a transition's name); none: seeing it suffices. */
    action?: string,
  ) {
    return this.db.transaction(async (tx) => {
      const rows = await this.lockRows(tx as Database, b, [id], ctx, action);
      guard?.(rows.get(id)!);
      const image = async () => present(b.resource, (await this.fetchRows(tx as Database, b, [id]))[0]!, ctx);
      const pre = await image();
      await tx
        .update(b.table)
        .set({ ...columns, updated_by_request: ctx.requestId, updated: sql`now()` } as never)
        .where(sql`id = ${id}`);
      const post = await image();
      await recordChanges(tx as Database, b, ctx, "update", [{ id, pre, post, transition }]);
      return scopeOf(ctx).key ? this.retrieve(b, id, ctx, false, tx as Database) : post;
    });
  }

  /**
   * Runs a write the generic paths do not make (an action's own SQL) on objects `ids` of
   * `b`, and records each object's change — before and after, as the API shows them —
   * in the same transaction. Objects the write left as they were (apart from `updated`)
   * get no record.
   */
  async recordedUpdate(tx: Database, b: Binding, ids: number[], ctx: RequestContext, write: () => Promise<unknown>) {
    const read = async () =>
      new Map((await this.fetchRows(tx, b, ids)).map((r) => [Number(r.id), present(b.resource, r, ctx)]));
    const pre = await read();
    await write();
    const post = await read();
    const essence = (r: Record<string, unknown> | undefined) => JSON.stringify({ ...r, updated: undefined });
    const changes = ids
      .filter((id) => pre.has(id) && post.has(id) && essence(pre.get(id)) !== essence(post.get(id)))
      .map((id) => ({ id, pre: pre.get(id)!, post: post.get(id)! }));
    if (changes.length) await recordChanges(tx, b, ctx, "update", changes);
  }

  /**
   * Reads the stored rows (as columns) and locks them; 404 names the missing ids.
   * `action`: the caller's permissions must grant it on every row (else 403), checked in the same statement.
   */
  async lockRows(tx: Database, b: Binding, ids: number[], ctx?: RequestContext, action?: string) {
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup !== undefined) throw badRequest({ non_field_errors: [`Id ${dup} appears more than once.`] });
    const scope = scopeOf(ctx);
    const conds = andVisible(b, scope, A, [sql`${col(A, "id")} ${anyId(ids)}`]);
    const granted = action ? scope.permissions?.rows(b, action, A) : undefined;
    const may = granted ? sql`, (${granted}) AS "rp_may"` : sql``;
    const rows = ids.length
      ? rowsOf<Record<string, unknown>>(
          await tx.execute(
            scoped(
              scope,
              sql`SELECT *${may} FROM ${ident(b.tableName)} ${ident(A)} ${where(conds)} FOR UPDATE OF ${ident(A)}`,
            ),
          ),
        )
      : [];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) throw new MissingObjects(b.resource.model, missing);
    if (granted) {
      // Visible but outside the grants of `action`: the caller may know it exists, not change it.
      if (rows.some((r) => r.rp_may !== true)) throw notPermitted(action!, `this ${b.resource.model}`);
      for (const r of rows) delete r.rp_may;
    }
    return byId;
  }

  private async check(
    tx: Database,
    b: Binding,
    rows: Record<string, unknown>[],
    errors: FieldErrors[],
    ctx: RequestContext,
    bulk: boolean,
    existing?: Map<number, Record<string, unknown>>,
    ids?: number[],
  ) {
    if (b.validate) {
      for (const [i, values] of rows.entries()) {
        const e = await b.validate({ tx, values, existing: ids ? existing?.get(ids[i]!) : undefined, ctx });
        if (e) Object.assign(errors[i]!, e);
      }
    }
    if (ids && b.resource.workflow)
      for (const [i, values] of rows.entries())
        Object.assign(errors[i]!, workflowErrors(b, ids[i]!, values, existing?.get(ids[i]!)));
    if (errors.some((e) => Object.keys(e).length)) throw badRequest(bulk ? errors : errors[0]!);
  }

  /**
   * Deletes every object or none. Protected references are a 409 naming the
   * referrers; `set_null` references are cleared; `cascade` ones are deleted (with
   * their own rules, recursively). Every row changed on the way — cleared or
   * cascaded — gets its change record in the same transaction, like the deleted ones.
   */
  async delete(b: Binding, ids: number[], ctx: RequestContext = internal) {
    await this.db.transaction(async (tx) => {
      await this.deleteIn(tx as Database, b, ids, ctx, ctx);
    });
  }

  /** `visibleTo`: whose visibility rule applies (the caller's for the objects named, none for side effects). */
  private async deleteIn(
    tx: Database,
    b: Binding,
    ids: number[],
    ctx: RequestContext,
    visibleTo: RequestContext | undefined,
  ) {
    // The objects named need the caller's `delete`; what cascades from them does not.
    const rows = await this.lockRows(tx, b, ids, visibleTo, visibleTo ? "delete" : undefined);
    const before = (await this.fetchRows(tx, b, ids)).map((r) => present(b.resource, r, ctx));
    const blockers: string[] = [];
    /** Which of `ids` are referenced, and by what (the objects to name; the others are not to blame). */
    const referenced = new Map<number, string[]>();
    for (const ref of referrersOf(b)) {
      const refTable = ident(ref.binding.tableName);
      // A tree's own rows that are being deleted are not also side effects.
      const notSelf = ref.binding === b ? sql` AND NOT (id ${anyId(ids)})` : sql``;
      const refIds = async () =>
        rowsOf<{ id: number }>(
          await tx.execute(
            sql`SELECT id FROM ${refTable} WHERE ${ident(ref.column)} ${anyId(ids)}${notSelf} ORDER BY id FOR UPDATE`,
          ),
        ).map((r) => Number(r.id));
      if (ref.onDelete === "protect") {
        // Referrers the caller may not see still protect the object, but are neither counted nor named.
        const scope = scopeOf(visibleTo);
        const seen = visibleRows(ref.binding, scope, "r") ?? sql`TRUE`;
        const per = rowsOf<{ target: number; n: number; seen: number }>(
          await tx.execute(
            scoped(
              scope,
              sql`SELECT "r".${ident(ref.column)} AS target, count(*)::int AS n,
                  (count(*) FILTER (WHERE ${seen}))::int AS seen
                FROM ${refTable} "r" WHERE "r".${ident(ref.column)} ${anyId(ids)} GROUP BY 1`,
            ),
          ),
        );
        const what = `${ref.binding.resource.name} (${ref.binding.resource.key}.${ref.field})`;
        const n = per.reduce((sum, r) => sum + Number(r.seen), 0);
        const hidden = per.reduce((sum, r) => sum + Number(r.n), 0) - n;
        if (n) blockers.push(`${n} ${what}`);
        else if (hidden) blockers.push("objects you cannot see");
        for (const r of per) {
          const why = referenced.get(Number(r.target)) ?? [];
          why.push(r.seen ? `${r.seen} ${what}` : "objects you cannot see");
          referenced.set(Number(r.target), why);
        }
      } else if (ref.onDelete === "set_null") {
        const cleared = await refIds();
        if (!cleared.length) continue;
        const pre = (await this.fetchRows(tx, ref.binding, cleared)).map((r) => present(ref.binding.resource, r, ctx));
        await tx.execute(
          sql`UPDATE ${refTable} SET ${ident(ref.column)} = NULL, updated_by_request = ${ctx.requestId || null}, updated = now()
              WHERE id ${anyId(cleared)}`,
        );
        const post = (await this.fetchRows(tx, ref.binding, cleared)).map((r) => present(ref.binding.resource, r, ctx));
        await recordChanges(
          tx,
          ref.binding,
          ctx,
          "update",
          cleared.map((id, i) => ({ id, pre: pre[i]!, post: post[i]! })),
        );
      } else {
        const cascaded = await refIds();
        if (cascaded.length) await this.deleteIn(tx, ref.binding, cascaded, ctx, undefined);
      }
    }
    if (blockers.length) {
      const blamed = ids.filter((id) => referenced.has(id));
      const names = blamed.map((id) => `"${String(rows.get(id)?.name ?? id)}"`).join(", ");
      throw new ReferencedObjects(
        `Cannot delete ${b.resource.model} ${names}: still referenced by ${blockers.join(", ")}.`,
        new Map(blamed.map((id) => [id, referenced.get(id)!.join(", ")])),
      );
    }
    if ("tags" in b.resource.fields) {
      const store = m2mStorage(b, "tags");
      await tx.execute(
        sql`DELETE FROM ${ident(store.table)} WHERE object_type = ${b.resource.key} AND object_id ${anyId(ids)}`,
      );
    }
    await tx.execute(sql`DELETE FROM ${ident(b.tableName)} WHERE id ${anyId(ids)}`);
    await recordChanges(
      tx,
      b,
      ctx,
      "delete",
      before.map((pre) => ({ id: Number(pre.id), pre, post: null })),
    );
    await b.afterWrite?.(tx, ids, ctx);
  }
}

interface Referrer {
  binding: Binding;
  field: string;
  column: string;
  onDelete: RelationFieldDef["onDelete"];
}

const referrerCache = new Map<string, Referrer[]>();
/** Every FK, in any resource, that points at `b`. */
function referrersOf(b: Binding): Referrer[] {
  const cached = referrerCache.get(b.resource.key);
  if (cached) return cached;
  const out: Referrer[] = [];
  for (const other of allBindings()) {
    // Read-only resources (views such as base-objects) follow their sources; nothing to protect or clear.
    if (!("create" in other.resource.routes)) continue;
    for (const [field, fd] of Object.entries(other.resource.fields)) {
      if (fd.kind !== "fk") continue;
      const rel = fd as RelationFieldDef;
      if (targetKey(other.resource, rel.target) !== b.resource.key) continue;
      out.push({ binding: other, field, column: other.columns.get(field)!, onDelete: rel.onDelete });
    }
  }
  referrerCache.set(b.resource.key, out);
  return out;
}

interface FetchOptions {
  brief?: boolean;
  /** What nested objects and counts show (default: everything, as the change log records it). */
  scope?: Scope;
  /** Whose visibility the rows must meet (default: none). */
  rows?: Scope;
}

export { ApiError };
