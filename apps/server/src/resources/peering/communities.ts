import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const communities = defineBinding(resources.peering.communities, schema.communities);
