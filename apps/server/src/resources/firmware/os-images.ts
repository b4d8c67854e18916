import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding } from "../../framework";

export const osImages = defineBinding(resources.firmware.osImages, schema.osImages);
