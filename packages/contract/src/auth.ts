import { initContract } from "@ts-rest/core";
import { z } from "zod";
import { commonErrors } from "./common/schemas";

const c = initContract();

/** `POST /api/token/`: credentials in the body, or HTTP Basic with an empty body. */
export const TokenObtain = z
  .object({ username: z.string().min(1).max(150).optional(), password: z.string().min(1).max(200).optional() })
  .strict()
  .refine((b) => (b.username === undefined) === (b.password === undefined), {
    message: "Send both username and password, or neither (and use HTTP Basic).",
  });
export const TokenPair = z.object({
  access: z.string(),
  refresh: z.string(),
  access_expires: z.string().datetime({ offset: true }),
  refresh_expires: z.string().datetime({ offset: true }),
});
export const TokenRefresh = z.object({ refresh: z.string().min(1) }).strict();
export const AccessToken = z.object({ access: z.string(), access_expires: z.string().datetime({ offset: true }) });

/** `POST /api/api-token-auth/` (Ralph, DRF's obtain_auth_token): credentials in, the personal token out. */
export const ApiTokenAuth = z
  .object({ username: z.string().min(1).max(150), password: z.string().min(1).max(200) })
  .strict();
export const PersonalToken = z.object({ token: z.string().regex(/^[0-9a-f]{40}$/) });

/** The caller as the server sees it. */
export const Me = z.object({
  id: z.number().int(),
  url: z.string().url(),
  username: z.string(),
  email: z.string(),
  is_superuser: z.boolean(),
  groups: z.array(z.string()),
  /** `null`: every app (superuser, JWT, or a token without scopes). */
  scopes: z.array(z.string()).nullable(),
  write_enabled: z.boolean(),
  auth_method: z.enum(["token", "jwt", "basic"]),
});

/** `security` (read by the OpenAPI generator): the schemes a route accepts besides the default token/bearer. */
const meRoute = (path: string, operationId: string, security?: readonly string[]) =>
  ({
    method: "GET",
    path,
    responses: { 200: Me, ...commonErrors },
    summary: "The caller: username, groups, scopes and how they authenticated",
    metadata: { operationId, ...(security ? { security } : {}) } as const,
  }) as const;

/** Authentication endpoints (not resources): JWT pair, refresh, the caller. */
export const auth = {
  routes: c.router({
    tokenObtain: {
      method: "POST",
      path: "/api/token/",
      body: TokenObtain,
      responses: { 200: TokenPair, ...commonErrors },
      summary: "Exchange username + password (body or HTTP Basic) for an access/refresh JWT pair",
      description:
        "Failed sign-ins are throttled per username and per client address, shared by every replica: over the limit, 429 with `Retry-After`, before the password is checked. A refusal takes as long whether or not the username exists.",
      // Credentials in the body (no Authorization header), or HTTP Basic.
      metadata: { operationId: "auth_token_obtain", security: ["basic", "none"] } as const,
    },
    tokenRefresh: {
      method: "POST",
      path: "/api/token/refresh/",
      body: TokenRefresh,
      responses: { 200: AccessToken, ...commonErrors },
      summary: "Exchange a refresh token for a new access token",
      // The refresh token in the body is the credential.
      metadata: { operationId: "auth_token_refresh", security: [] as string[] } as const,
    },
    apiTokenAuth: {
      method: "POST",
      path: "/api/api-token-auth/",
      body: ApiTokenAuth,
      responses: { 200: PersonalToken, ...commonErrors },
      summary:
        "Exchange username + password for the user's personal API token (the same key on every call; created when missing)",
      // The credentials in the body are the authentication.
      metadata: { operationId: "auth_api_token_auth", security: ["none"] } as const,
    },
    me: meRoute("/api/users/me/", "users_me"),
    whoami: meRoute("/whoami", "whoami", ["token", "bearer", "basic"]),
  }),
};
