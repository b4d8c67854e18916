import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const tags = defineResource({
  app: "core",
  name: "tags",
  model: "Tag",
  description: "Labels attached to any object; `?tag=<slug>` filters by them (AND).",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    slug: f.slug({ required: true, unique: true, search: true }),
    color: f.string({ max: 6, pattern: /^[0-9a-fA-F]{6}$/, default: "9e9e9e" }),
    description: f.string({ max: 200, search: true }),
  },
  brief: ["name", "slug", "color"],
  ordering: ["name"],
  tags: false,
  comments: false,
});
