import type { TestServer } from "./harness";

/** What Chromium sends on a navigation. */
export const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
export const PASSWORD = "correct horse battery staple";

/** A raw request (no OpenAPI check: HTML pages and form posts are not JSON operations). */
export async function raw(
  s: TestServer,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const res = await fetch(`${s.baseUrl}${path}`, { method, headers, body, redirect: "manual" });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Signs in through the login form; the session cookie (`name=value`) and its full Set-Cookie line. */
export async function login(
  s: TestServer,
  username: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
) {
  const r = await raw(
    s,
    "POST",
    "/api/auth/login/",
    { "content-type": "application/x-www-form-urlencoded", accept: BROWSER_ACCEPT, ...headers },
    new URLSearchParams({ username, password, next: "/api/dcim/" }).toString(),
  );
  const setCookie = r.headers.get("set-cookie") ?? "";
  return { ...r, setCookie, cookie: setCookie.split(";")[0] ?? "" };
}

/** The CSRF token a page carries for its forms. */
export const csrfOfPage = (html: string) => /<meta name="csrf-token" content="([^"]+)">/.exec(html)?.[1];
