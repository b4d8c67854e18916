import { esc, layout } from "./html";

/** The sign-in form of the browsable API (a plain form post: works without the page script). */
export function loginPage(p: { next: string; username?: string; error?: string }): string {
  return layout({
    title: "Log in",
    path: "/api/auth/login/",
    body: `<h1>Log in</h1>
<p class="description">Sign in to browse the API. The session has exactly your API permissions; programs use a token instead.</p>
<form class="login" method="post" action="/api/auth/login/"><fieldset>
${p.error ? `<div class="form-errors" role="alert">${esc(p.error)}</div>` : ""}
<input type="hidden" name="next" value="${esc(p.next)}">
<div class="field"><label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${esc(p.username ?? "")}" required autofocus></div>
<div class="field"><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<div class="buttons"><button type="submit">Log in</button></div></fieldset></form>`,
  });
}
