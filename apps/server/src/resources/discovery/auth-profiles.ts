import type { BindingOptions } from "../../framework/binding";
import { bindingOf } from "../../framework/binding";
import { deriveProfileName } from "./auth-profile-name";

/**
 * `/api/discovery/auth-profiles/<id>/credentials/`: the profile's credentials as a
 * sub-resource (list and add). Both go through the credentials binding, so the
 * password is sealed and never read back exactly as on `/api/discovery/credentials/`.
 * An unknown profile is a 404.
 */
export const authProfileBinding: BindingOptions = {
  derive: deriveProfileName,
  actions: (svc, b) => ({
    credentials: async ({ params, query, ctx }) => {
      const id = params.id as number;
      await svc.retrieve(b, id, ctx, true);
      return {
        status: 200,
        body: await svc.list(bindingOf("discovery.credentials"), { ...query, auth_profile: [id] }, ctx),
      };
    },
    addCredential: async ({ params, body, ctx }) => {
      const id = params.id as number;
      await svc.retrieve(b, id, ctx, true);
      const [created] = await svc.create(
        bindingOf("discovery.credentials"),
        [{ ...(body as Record<string, unknown>), auth_profile: id }],
        ctx,
        false,
      );
      return { status: 201, body: created };
    },
  }),
};
