import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const environments = defineBinding(resources.services.environments, schema.environments);
