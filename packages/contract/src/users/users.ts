import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const users = defineResource({
  app: "users",
  name: "users",
  model: "User",
  description:
    "People and service accounts. Only superusers create or change users; `password` is write-only and stored as a bcrypt hash.",
  fields: {
    username: f.string({ required: true, max: 150, min: 1, pattern: /^[\w.@+-]+$/, unique: true, search: true }),
    email: f.string({ max: 254, search: true }),
    first_name: f.string({ max: 150, search: true }),
    last_name: f.string({ max: 150, search: true }),
    is_active: f.bool({ default: true }),
    is_superuser: f.bool({ default: false }),
    groups: f.m2m("users.groups"),
    password: f.password({
      userValidators: true,
      description:
        "Write-only; stored as a bcrypt hash. Django's validators apply, each with its own message: at least 8 " +
        "characters, not a common password, not entirely numeric, not too similar to the username, names or email.",
    }),
    last_login: f.datetime({ readOnly: true, nullable: true }),
    scopes: f.string({
      max: 500,
      pattern: /^[\w:./-]*(,[\w:./-]+)*$/,
      description:
        "Comma-separated scopes of the user, whatever the credential (Basic, JWT, tokens): `<app>:read|write` " +
        "entries limit the apps reached (a token's own scopes apply instead when it has some); other words " +
        "(Ralph LRS scopes such as `example_scope`) are labels shown by /whoami. Empty = every app.",
    }),
  },
  brief: ["username"],
  ordering: ["username"],
  tags: false,
  comments: false,
});
