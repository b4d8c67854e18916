import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const credentials = defineResource({
  app: "discovery",
  name: "credentials",
  model: "Credential",
  description:
    "BMC logins of an auth profile, tried in `priority` order when registering a node. " +
    "The password is write-only and stored encrypted (AES-256-GCM).",
  fields: {
    auth_profile: f.fk("discovery.auth-profiles", { required: true, onDelete: "cascade" }),
    username: f.string({ required: true, max: 100, search: true }),
    password: f.string({ required: true, max: 200, writeOnly: true }),
    priority: f.int({ min: 0, max: 1000, default: 100 }),
  },
  brief: ["username", "priority"],
  ordering: ["auth_profile", "priority"],
  tags: false,
  comments: false,
});
