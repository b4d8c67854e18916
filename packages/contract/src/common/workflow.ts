import { z } from "zod";
import { commonErrors, idempotentWriteErrors } from "./schemas";

/** One named status change (Ralph's transitions API). */
export interface Transition {
  label: string;
  /** Statuses it may start from. */
  from: readonly string[];
  to: string;
  description?: string;
  /** Extra parameters recorded with the change (e.g. a reason). */
  params?: z.AnyZodObject;
}

export interface Workflow {
  /** The choice field the workflow moves. */
  field: string;
  transitions: Record<string, Transition>;
}

export const TransitionInfo = z.object({
  name: z.string(),
  label: z.string(),
  description: z.string(),
  source: z.array(z.string()),
  target: z.string(),
  url: z.string().url(),
});

export const TransitionList = z.object({
  current: z.string(),
  transitions: z.array(TransitionInfo),
});

/** One run of a transition on an object, as the change log recorded it. */
export const TransitionRecord = z.object({
  id: z.number().int(),
  time: z.string().datetime({ offset: true }),
  user: z.string(),
  request_id: z.string().nullable(),
  transition: z.string(),
  source: z.string(),
  target: z.string(),
  reason: z.string(),
  params: z.record(z.unknown()),
});

export const TransitionHistory = z.object({ count: z.number().int(), results: z.array(TransitionRecord) });

/** Defaults for a transition's body: an optional free-text reason. */
export const TransitionBody = z.object({ reason: z.string().max(500).optional() }).strict();

export function workflowRoutes<R extends z.ZodTypeAny>(
  wf: Workflow,
  ctx: { path: string; PathId: z.ZodObject<{ id: z.ZodTypeAny }>; Read: R; opName: (s: string) => string },
) {
  const names = Object.keys(wf.transitions) as [string, ...string[]];
  // A plain object rather than c.router(): ts-rest's router check cannot see through
  // the generic Read schema, and the object is what c.router would return anyway.
  return {
    transitions: {
      method: "GET" as const,
      path: `${ctx.path}:id/transitions/` as const,
      pathParams: ctx.PathId,
      responses: { 200: TransitionList, ...commonErrors },
      summary: "List the transitions allowed from the current status",
      metadata: { operationId: ctx.opName("transitions_list") } as const,
    },
    transitionHistory: {
      method: "GET" as const,
      path: `${ctx.path}:id/transitions/history/` as const,
      pathParams: ctx.PathId,
      responses: { 200: TransitionHistory, ...commonErrors },
      summary: "Every transition run on the object, oldest first, with its reason and parameters",
      metadata: { operationId: ctx.opName("transitions_history") } as const,
    },
    runTransition: {
      method: "POST" as const,
      path: `${ctx.path}:id/transitions/:transition/` as const,
      pathParams: z.object({ id: ctx.PathId.shape.id, transition: z.enum(names) }),
      body: TransitionBody,
      responses: { 200: ctx.Read, ...commonErrors, ...idempotentWriteErrors },
      summary: "Run one transition (400 when not allowed from the current status)",
      metadata: { operationId: ctx.opName("transitions_run") } as const,
    },
  } as const;
}
