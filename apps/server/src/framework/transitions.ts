import type { ChoiceFieldDef } from "@rackplane/contract";
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
    runTransition: async ({ params, ctx }) => {
      const id = params.id as number;
      const name = params.transition as string;
      const t = wf.transitions[name]!;
      const guard = (row: Record<string, unknown>) => {
        const status = String(row[column]);
        if (!t.from.includes(status)) {
          throw nonField(
            `Transition "${name}" is not allowed from status "${status}". It starts from: ${t.from.join(", ")}.`,
          );
        }
      };
      return { status: 200, body: await svc.setColumns(b, id, { [column]: t.to }, ctx, guard, name) };
    },
  };
}
