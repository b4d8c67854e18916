import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

/** A delivery is about a change record: it is seen by who sees the record. */
export const eventDeliveries = defineBinding(resources.core.eventDeliveries, schema.eventDeliveries, {
  access: { follows: "object_change" },
});
