import type { ChoiceFieldDef } from "@rackplane/contract";
import { rowsOf } from "@rackplane/db";
import { sql } from "drizzle-orm";
import type { Handler } from "../http/handler";
import type { Binding } from "./binding";
import { nonField } from "./errors";
import type { ResourceService } from "./service";

/** Ralph's transitions API over a resource's declared workflow. */
export function transitionHandlers(b: Binding, svc: ResourceService): Record<string, Handler> {
  const wf = b.resource.workflow!;
  const column = b.columns.get(wf.field)!;
  const choices = (b.resource.fields[wf.field] as ChoiceFieldDef).choices;
  const current = async (id: number, ctx: Parameters<Handler>[0]["ctx"]) =>
    ((await svc.retrieve(b, id, ctx)) as Record<string, { value: string }>)[wf.field]!.value;

  return {
    transitions: async ({ params, ctx }) => {
      const id = params.id as number;
      const status = await current(id, ctx);
      const transitions = Object.entries(wf.transitions)
        .filter(([, t]) => t.from.includes(status))
        .map(([name, t]) => ({
          name,
          label: t.label,
          description: t.description ?? `${choices.labels[t.to] ?? t.to}`,
          source: [...t.from],
          target: t.to,
          url: `${ctx.baseUrl}${b.resource.path}${id}/transitions/${name}/`,
        }));
      return { status: 200, body: { current: status, transitions } };
    },
    transitionHistory: async ({ params, ctx }) => {
      const id = params.id as number;
      await svc.retrieve(b, id, ctx); // 404 unless the caller may see the object
      const rows = rowsOf<Record<string, unknown>>(
        await svc.transaction((tx) =>
          tx.execute(sql`
          SELECT id, time, user_name, request_id, transition FROM object_changes
          WHERE object_type = ${b.resource.key} AND object_id = ${id} AND transition IS NOT NULL
          ORDER BY time, id`),
        ),
      );
      const results = rows.map((r) => {
        const t = (typeof r.transition === "string" ? JSON.parse(r.transition) : r.transition) as TransitionNote;
        return {
          id: Number(r.id),
          time: new Date(r.time as string).toISOString(),
          user: String(r.user_name),
          request_id: (r.request_id as string | null) ?? null,
          transition: t.name,
          source: t.source,
          target: t.target,
          reason: typeof t.params.reason === "string" ? t.params.reason : "",
          params: t.params,
        };
      });
      return { status: 200, body: { count: results.length, results } };
    },
    runTransition: async ({ params, body, ctx }) => {
      const id = params.id as number;
      const name = params.transition as string;
      const t = wf.transitions[name]!;
      const note: TransitionNote = { name, source: "", target: t.to, params: (body ?? {}) as Record<string, unknown> };
      const guard = (row: Record<string, unknown>) => {
        note.source = String(row[column]);
        if (!t.from.includes(note.source)) {
          throw nonField(
            `Transition "${name}" is not allowed from status "${note.source}". It starts from: ${t.from.join(", ")}.`,
          );
        }
      };
      const post = await svc.setColumns(
        b,
        id,
        { [column]: t.to },
        ctx,
        guard,
        note as unknown as Record<string, unknown>,
        name,
      );
      return { status: 200, body: post };
    },
  };
}

/** What the change log keeps of a transition (`object_changes.transition`). */
interface TransitionNote {
  name: string;
  source: string;
  target: string;
  params: Record<string, unknown>;
}
