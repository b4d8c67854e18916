import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { sealed } from "../rules/sealed";

export const simCards = defineBinding(resources.assets.simCards, schema.simCards, { derive: [sealed("pin1", "puk1")] });
