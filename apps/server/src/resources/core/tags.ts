import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const tags = defineBinding(resources.core.tags, schema.tags);
