import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const domains = defineBinding(resources.assets.domains, schema.domains);
