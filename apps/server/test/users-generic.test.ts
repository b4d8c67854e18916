import { resources } from "@rackplane/contract";
import { make, type TestServer } from "./harness";
import { describeResource } from "./resource-suite";

const { users } = resources;
const U = "/api/users";

async function people(s: TestServer) {
  const group = await make(s, `${U}/groups/`, { name: "Fixture group" });
  const group2 = await make(s, `${U}/groups/`, { name: "Fixture group 2" });
  const user = await make(s, `${U}/users/`, { username: "fixture.person", password: "correct-horse-fixture" });
  const user2 = await make(s, `${U}/users/`, { username: "fixture.other", password: "correct-horse-other" });
  return { group, group2, user, user2 };
}

describeResource({
  resource: users.users,
  fixtures: people,
  create: (fx, i) => ({
    username: `person${i}`,
    email: `person${i}@example.net`,
    first_name: `First${i}`,
    last_name: i === 1 ? "Smith" : `Last${i}`,
    password: `correct-horse-battery-${i}`,
    groups: i === 2 ? [] : [fx.group.id],
    scopes: i === 1 ? "dcim:read" : "",
  }),
  update: (fx) => ({ username: "person-renamed", groups: [fx.group2.id] }),
  patch: { first_name: "Patched", is_active: false },
  invalid: [
    { body: () => ({ username: "bad name!" }), field: "username" },
    { body: () => ({ username: "shortpw", password: "123" }), field: "password" },
  ],
  // Read as permissions allow; written by superusers only.
  superuserWrites: true,
});

describeResource({
  resource: users.groups,
  fixtures: people,
  create: (fx, i) => ({ name: `Group ${i}`, members: i === 2 ? [] : [fx.user.id] }),
  update: (fx) => ({ name: "Group renamed", members: [{ username: fx.user2.username }] }),
  patch: { members: [] },
  invalid: [
    { body: () => ({ name: "" }), field: "name" },
    { body: () => ({ name: "x", members: [99999999] }), field: "members" },
  ],
  superuserWrites: true,
});

describeResource({
  resource: users.tokens,
  fixtures: people,
  create: (fx, i) => ({
    user: i === 1 ? fx.user2.id : fx.user.id,
    scopes: i === 1 ? "dcim:read,ipam:write" : "",
    write_enabled: i !== 2,
    expires: i === 2 ? "2099-01-01T00:00:00Z" : null,
  }),
  update: (fx) => ({ user: fx.user.id, scopes: "assets:read" }),
  patch: { write_enabled: false },
  invalid: [
    { body: (fx) => ({ user: fx.user.id, scopes: "everything" }), field: "scopes" },
    { body: (fx) => ({ user: fx.user.id, key: "short" }), field: "key" },
  ],
  // A user's own tokens are theirs alone, whatever the permissions.
  ownRowsOnly: true,
});

describeResource({
  resource: users.permissions,
  fixtures: people,
  create: (fx, i) => ({
    name: `perm-${i}`,
    object_types: ["ipam.networks", "dcim.racks", "dcim.*,ipam.networks"][i % 3],
    actions: ["view", "change", "view,delete"][i % 3],
    constraints: i === 1 ? "status=active" : "",
    groups: [fx.group.id],
    users: i === 2 ? [fx.user.id] : [],
  }),
  update: (fx) => ({ name: "perm-replaced", object_types: "assets.*", actions: "view,add", groups: [fx.group2.id] }),
  patch: { actions: "view,delete" },
  invalid: [
    { body: () => ({ name: "x", object_types: "dcim.nothing", actions: "view" }), field: "object_types" },
    {
      body: () => ({ name: "x", object_types: "dcim.racks", actions: "view", constraints: "nope=1" }),
      field: "constraints",
    },
  ],
  // Permissions are read as granted to the caller and written by superusers only.
  ownRowsOnly: true,
});
