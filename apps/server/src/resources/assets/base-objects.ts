import { resources } from "@rackplane/contract";
import { baseObjectsView } from "@rackplane/db";
import { defineBinding } from "../../framework";
import { baseObjectAccess } from "../rules/access";

/** The polymorphic asset list (a view over every asset table): each row follows its asset's rule. */
export const baseObjects = defineBinding(resources.assets.baseObjects, baseObjectsView, { access: baseObjectAccess });
