import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const serviceEnvironments = defineBinding(resources.services.serviceEnvironments, schema.serviceEnvironments);
