import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { defineBinding, scopedImage, scopedRepr } from "../../framework";
import { objectChangeAccess } from "../rules/access";

export const objectChanges = defineBinding(resources.core.objectChanges, schema.objectChanges, {
  access: objectChangeAccess,
  // Images and the representation show only what the caller may see of the object (scoped-images.ts).
  expressions: {
    prechange_data: scopedImage("prechange_data"),
    postchange_data: scopedImage("postchange_data"),
    object_repr: scopedRepr("object_repr", "prechange_data", "postchange_data"),
  },
});
