/**
 * Compile-time checks of resource bindings, run by `pnpm typecheck` (`tsc -p .` covers
 * test/): each `@ts-expect-error` must meet an error, or tsc fails with TS2578. Nothing
 * here runs; the statements sit in a function that is never called.
 */
import type { resources } from "@rackplane/contract";
import { resources as tree } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { type BindingTree, defineBinding } from "../../src/framework";
import { bindings } from "../../src/resources";

type Tree = BindingTree<typeof resources>;

export function bindingTypeChecks() {
  // The real tree mirrors the contract's.
  bindings satisfies Tree;

  const { dataCenters, ...dcim } = bindings.dcim;
  // A misnamed binding (and so a missing one) is refused.
  // @ts-expect-error `dataCentres` is not a resource of dcim, and `dataCenters` is missing
  ({ ...bindings, dcim: { ...dcim, dataCentres: dataCenters } }) satisfies Tree;
  // @ts-expect-error a resource without a binding
  ({ ...bindings, dcim }) satisfies Tree;
  // A binding of another resource in a resource's place is refused.
  // @ts-expect-error racks bound where servers belong
  ({ ...bindings, dcim: { ...bindings.dcim, servers: bindings.dcim.racks } }) satisfies Tree;

  // A resource that declares actions cannot be bound without their handlers…
  // @ts-expect-error jobs declares `cancel`
  defineBinding(tree.core.jobs, schema.jobs);
  // @ts-expect-error jobs declares `cancel`
  defineBinding(tree.core.jobs, schema.jobs, {});
  defineBinding(tree.ipam.networks, schema.networks, {
    // @ts-expect-error `allocateIp` has no handler
    actions: () => ({ availableIps: async () => ({ status: 200, body: [] }) }),
  });
  // …nor with a misnamed handler (the declared one is then missing), nor one that answers another status.
  defineBinding(tree.core.jobs, schema.jobs, {
    // @ts-expect-error `cancel` is missing (`cancelJob` is no action of jobs)
    actions: () => ({ cancelJob: async () => ({ status: 200, body: {} }) }),
  });
  defineBinding(tree.core.jobs, schema.jobs, {
    // @ts-expect-error cancel answers 200, not 201
    actions: () => ({ cancel: async () => ({ status: 201, body: {} }) }),
  });
  // Handlers get the request typed by their route: params, body and query.
  defineBinding(tree.discovery.nodes, schema.nodes, {
    actions: () => ({
      register: async ({ params, body }) => {
        params.id satisfies number;
        body.auth_profile satisfies number;
        // @ts-expect-error the body has `auth_profile`, not `profile`
        body.profile;
        return { status: 202, body: {} };
      },
    }),
  });
  // A resource without actions takes none; an override keeps its route's statuses.
  // @ts-expect-error racks declare no actions
  defineBinding(tree.dcim.racks, schema.racks, { actions: () => ({}) });
  defineBinding(tree.dcim.racks, schema.racks, {
    // @ts-expect-error a delete answers 204, not 200
    overrides: (_deps, standard) => ({
      delete: async (input) => ({ ...(await standard.delete(input)), status: 200 }),
    }),
  });
}
