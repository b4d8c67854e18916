import type { FieldErrors } from "@rackplane/contract";
import type { Binding } from "./binding";

/** The declared transition a plain write of the workflow field amounts to, if any. */
export function transitionOf(
  b: Binding,
  values: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
): { name: string; source: string; target: string; params: Record<string, unknown> } | undefined {
  const wf = b.resource.workflow;
  if (!wf || !existing) return undefined;
  const column = b.columns.get(wf.field)!;
  const [source, target] = [String(existing[column]), String(values[column])];
  if (source === target) return undefined;
  const name = Object.keys(wf.transitions).find((n) => {
    const t = wf.transitions[n]!;
    return t.from.includes(source) && t.to === target;
  });
  return name ? { name, source, target, params: {} } : undefined;
}

/**
 * A plain PUT/PATCH may not move a workflow field around the workflow (Ralph:
 * status changes are transitions). A change some declared transition makes
 * (new → in_use is `install`) is accepted and recorded as that transition; any
 * other change is a 400 on the field naming the transitions endpoint. Sending the
 * current value is fine (PUT echoes it back); creates may start from any status.
 */
export function workflowErrors(
  b: Binding,
  id: number,
  values: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
): FieldErrors | undefined {
  const wf = b.resource.workflow;
  if (!wf || !existing) return undefined;
  const column = b.columns.get(wf.field)!;
  const [from, to] = [String(existing[column]), String(values[column])];
  if (from === to || transitionOf(b, values, existing)) return undefined;
  return {
    [wf.field]: [
      `No transition leads from "${from}" to "${to}": "${wf.field}" changes only through the workflow ` +
        `(GET ${b.resource.path}${id}/transitions/ lists the ones open now; run one with POST ${b.resource.path}${id}/transitions/<name>/).`,
    ],
  };
}
