import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { sealed } from "../rules/sealed";

/** The write-only password is sealed (AES-256-GCM) before it reaches the table. */
export const credentials = defineBinding(resources.discovery.credentials, schema.credentials, {
  derive: [sealed("password")],
});
