import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const clusters = defineBinding(resources.virtual.clusters, schema.clusters);
