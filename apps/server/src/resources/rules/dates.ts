import type { WriteCheck } from "../../framework";

/** A validity period (certificate, support contract) starts before it ends. */
export function datesInOrder({ values: v }: WriteCheck) {
  if (v.date_from && v.date_to && String(v.date_from) > String(v.date_to))
    return { date_to: ["Must not be before date_from."] };
  return undefined;
}
