import { make, type TestServer } from "./harness";

/** The request helpers of one caller (a user's token, anonymous, …). */
export type Caller = ReturnType<TestServer["as"]>;

/**
 * A non-superuser with a token, optionally in groups: what the access and permission
 * tests act as. Returns the user's id and their request helpers.
 */
export async function userCaller(
  s: TestServer,
  username: string,
  groups: number[] = [],
): Promise<{ id: number; caller: Caller }> {
  const user = await make(s, "/api/users/users/", { username, password: `${username}-password-1`, groups });
  const token = await make(s, "/api/users/tokens/", { user: user.id });
  return { id: user.id, caller: s.as(`Token ${token.key}`) };
}

/** A permission granted through the API by the server's superuser (`name`, `object_types`, `actions`, `constraints`, `groups`, `users`). */
export const grant = (s: TestServer, body: Record<string, unknown>) => make(s, "/api/users/permissions/", body);
