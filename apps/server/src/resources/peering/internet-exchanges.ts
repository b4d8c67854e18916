import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const internetExchanges = defineBinding(resources.peering.internetExchanges, schema.internetExchanges);
