import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const groups = defineResource({
  app: "users",
  name: "groups",
  model: "Group",
  description: "Groups of users; pools are visible to the members of their group.",
  fields: {
    name: f.string({ required: true, max: 150, unique: true, search: true }),
    members: f.m2m("users.users", { by: ["username"] }),
  },
  brief: ["name"],
  ordering: ["name"],
  tags: false,
  comments: false,
});
