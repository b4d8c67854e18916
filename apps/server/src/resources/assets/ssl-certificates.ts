import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { datesInOrder } from "../rules/dates";

export const sslCertificates = defineBinding(resources.assets.sslCertificates, schema.sslCertificates, {
  validate: [datesInOrder],
});
