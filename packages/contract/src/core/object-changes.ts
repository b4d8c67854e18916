import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const ChangeAction = choices("ChangeAction", { create: "Created", update: "Updated", delete: "Deleted" });

export const objectChanges = defineResource({
  app: "core",
  name: "object-changes",
  model: "ObjectChange",
  description:
    "Change log: one record per created, updated or deleted object, written in the same transaction as the change. Read-only.",
  fields: {
    time: f.datetime({ readOnly: true }),
    user: f.fk("users.users", { nullable: true, by: ["username"], readOnly: true }),
    user_name: f.string({
      readOnly: true,
      description: "Username at the time of the change (kept if the user is deleted).",
    }),
    request_id: f.string({ readOnly: true, nullable: true }),
    action: f.choice(ChangeAction, { readOnly: true }),
    object_type: f.string({ readOnly: true, description: "`app.resource`, e.g. `dcim.servers`." }),
    object_id: f.int({ readOnly: true }),
    object_repr: f.string({ readOnly: true, search: true }),
    prechange_data: f.json({ readOnly: true, nullable: true }),
    postchange_data: f.json({ readOnly: true, nullable: true }),
    transition: f.json({
      readOnly: true,
      nullable: true,
      description:
        "A workflow transition: `{name, source, target, params}` (params holds the `reason`…); null otherwise.",
    }),
  },
  brief: ["action", "object_type", "object_id"],
  display: "{action} {object_type} {object_id}",
  ordering: ["-time"],
  tags: false,
  comments: false,
  readOnly: true,
});
