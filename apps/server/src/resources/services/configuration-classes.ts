import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const configurationClasses = defineBinding(resources.services.configurationClasses, schema.configurationClasses);
