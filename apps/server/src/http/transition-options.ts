import { type Transition, TransitionBody } from "@rackplane/contract";
import { z } from "zod";

/** What a client needs to fill one parameter in: its type, whether it is required, its bounds. */
function paramMeta(name: string, schema: z.ZodTypeAny): Record<string, unknown> {
  let s = schema;
  let required = true;
  let nullable = false;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault) required = false;
    else if (s instanceof z.ZodNullable) nullable = true;
    else break;
    s = s._def.innerType;
  }
  const meta: Record<string, unknown> = { type: "string", required, nullable, label: name.replace(/_/g, " ") };
  if (s instanceof z.ZodString) {
    for (const c of s._def.checks) {
      if (c.kind === "max") meta.max_length = c.value;
      if (c.kind === "min") meta.min_length = c.value;
    }
  } else if (s instanceof z.ZodNumber) meta.type = s.isInt ? "integer" : "number";
  else if (s instanceof z.ZodBoolean) meta.type = "boolean";
  else if (s instanceof z.ZodEnum) {
    meta.type = "choice";
    meta.choices = (s.options as string[]).map((v) => ({ value: v, display_name: v }));
  } else if (s instanceof z.ZodArray) meta.type = "list";
  else if (s instanceof z.ZodObject || s instanceof z.ZodRecord) meta.type = "object";
  if (schema.description) meta.help_text = schema.description;
  return meta;
}

/** OPTIONS of one transition (Ralph: "what parameters a transition requires"), from its declared body. */
export function transitionMeta(name: string, t: Transition) {
  const shape = (t.params ?? TransitionBody).shape as Record<string, z.ZodTypeAny>;
  return {
    name: t.label,
    description: t.description ?? "",
    transition: name,
    source: t.from,
    target: t.to,
    actions: { POST: Object.fromEntries(Object.entries(shape).map(([n, s]) => [n, paramMeta(n, s)])) },
  };
}
