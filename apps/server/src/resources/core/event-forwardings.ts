import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { forwardingName } from "../../forwarding/name-rule";
import { defineBinding } from "../../framework";
import { sealed } from "../rules/sealed";

/** The write-only `basic_password` is sealed (AES-256-GCM) before it is stored; a missing name is derived from the URL. */
export const eventForwardings = defineBinding(resources.core.eventForwardings, schema.eventForwardings, {
  derive: [sealed("basic_password"), forwardingName],
});
