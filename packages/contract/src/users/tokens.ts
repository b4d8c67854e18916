import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const tokens = defineResource({
  app: "users",
  name: "tokens",
  model: "Token",
  description:
    "Personal API tokens (`Authorization: Token <key>`). The 40-hex `key` is returned once, in the create response; " +
    "only a hash is stored. A user sees and manages only their own tokens unless superuser. " +
    "`scopes` is a comma-separated list such as `dcim:read,discovery:write` (empty = every app).",
  fields: {
    user: f.fk("users.users", { by: ["username"], onDelete: "cascade", description: "Defaults to the caller." }),
    key: f.string({
      nullable: true,
      stored: false,
      filter: false,
      order: false,
      pattern: /^[0-9a-f]{40}$/,
      description:
        "Only in the create response. On create, a 40-hex key may be sent to restore a token (Peering Manager); " +
        "it must not be in use (409). Omitted: a random key. Updates cannot change it.",
    }),
    prefix: f.string({ readOnly: true, description: "First 8 characters of the key (not secret; identifies it)." }),
    description: f.string({ max: 200, search: true }),
    expires: f.datetime({ nullable: true }),
    write_enabled: f.bool({ default: true }),
    scopes: f.string({
      max: 500,
      pattern: /^([a-z][a-z0-9-]*:(read|write))?(,[a-z][a-z0-9-]*:(read|write))*$/,
      description: "Comma-separated `<app>:read|write`; empty = every app.",
    }),
    last_used: f.datetime({ readOnly: true, nullable: true }),
  },
  brief: ["prefix", "description"],
  display: "{prefix}…",
  ordering: ["-created"],
  tags: false,
  comments: false,
});
