import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const teams = defineBinding(resources.services.teams, schema.teams);
