import { z } from "zod";
import { f } from "../common/fields";
import { objectId } from "../common/object-id";
import { defineResource } from "../common/resource";
import { ErrorDetail } from "../common/schemas";

const ids = (what: string) => z.array(objectId()).max(1000, `At most 1000 ${what} at once.`);

/**
 * Resource pools: named groups of servers and switches handed to a team or a
 * purpose, nested with `parent`. A server belongs to at most one pool; a pool
 * still holding servers or sub-pools cannot be deleted (409).
 */
export const pools = defineResource({
  app: "pools",
  name: "pools",
  model: "Pool",
  description:
    "Resource pools of servers and switches, nested by `parent`. A non-superuser sees and changes only pools of " +
    "their groups (`group`), and the servers in them; other pools are 404. Deleting a pool that still holds " +
    "servers or sub-pools is a 409.",
  fields: {
    name: f.string({ required: true, max: 100, unique: true, search: true }),
    description: f.string({ max: 200, search: true }),
    parent: f.fk("self", { nullable: true, onDelete: "protect" }),
    group: f.fk("users.groups", {
      nullable: true,
      onDelete: "protect",
      description:
        "The group whose members see and change the pool and its servers. Superusers see every pool; " +
        "a pool without a group is theirs alone. Non-superusers must name one of their own groups.",
    }),
    sub_pools: f.m2m("self", {
      readOnly: true,
      description:
        "The pools whose `parent` this is (MOJO's `sub_pools`), as the caller may see them. The pool's servers " +
        "and switches are the lists `/api/dcim/servers/?resource_pool=<id>` and `/api/dcim/switches/?resource_pool=<id>`.",
    }),
    sub_pools_count: f.count("pools.pools", "parent"),
    servers_count: f.count("dcim.servers", "resource_pool"),
    switches_count: f.count("dcim.switches", "resource_pool"),
  },
  brief: ["name"],
  ordering: ["name"],
  actions: {
    assignServers: {
      path: "assign_servers",
      detail: true,
      method: "POST",
      // Both lists empty (or absent) assign nothing and answer the pool unchanged: a client that
      // computes the servers to add needs no special case for "none", and the document can say
      // exactly what is accepted (two optional lists) without a rule across both fields.
      body: z.object({ servers: ids("servers").optional(), nodes: ids("nodes").optional() }).strict(),
      responses: { 200: z.lazy((): z.ZodTypeAny => pools.schemas.Read) },
      summary: "Put servers (by id, or by the discovery node that registered them) into the pool",
    },
    assignSwitches: {
      path: "assign_switches",
      detail: true,
      method: "POST",
      body: z.object({ switches: ids("switches").min(1, "Name at least one switch.") }).strict(),
      responses: { 200: z.lazy((): z.ZodTypeAny => pools.schemas.Read) },
      summary: "Put switches into the pool",
    },
    createSubPool: {
      path: "create_sub_pool",
      detail: true,
      method: "POST",
      body: z.object({ name: z.string().min(1).max(100), description: z.string().max(200).optional() }).strict(),
      responses: { 201: z.lazy((): z.ZodTypeAny => pools.schemas.Read), 409: ErrorDetail },
      summary: "Create a pool under this one",
    },
  },
});
