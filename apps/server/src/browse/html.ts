/** HTML-escapes text and attribute values (every interpolation on a page goes through this). */
export const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The inline Markdown the contract's descriptions use: `code`, **bold**. Escapes
 * first, so only these two constructs ever become markup.
 */
export const inlineMarkdown = (s: string) =>
  esc(s)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");

/**
 * Pretty-printed JSON with this server's URLs as links (nested objects carry their
 * `url`, so every related object is one click away). Other text is escaped.
 */
export function jsonHtml(body: unknown, baseUrl: string): string {
  const text = JSON.stringify(body, null, 2) ?? "";
  const parts = text.split(/("https?:\/\/[^"\\\s]+")/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return esc(part);
      const url = part.slice(1, -1);
      return url.startsWith(`${baseUrl}/`) ? `"<a href="${esc(url)}">${esc(url)}</a>"` : esc(part);
    })
    .join("");
}

export interface Layout {
  title: string;
  /** Breadcrumbs of the request path. */
  path: string;
  /** Signed-in user, if any. */
  username?: string;
  /** CSRF token of the session (forms send it as `X-CSRFToken`). */
  csrf?: string;
  body: string;
}

/** One page of the browsable API: header (breadcrumbs, sign-in state), content, the form script. */
export function layout(p: Layout): string {
  // "Rackplane API" is /api/ itself; the crumbs are the segments after it.
  const segments = p.path.split("/").filter(Boolean);
  const crumbs = segments
    .map((seg, i) => ({ seg, href: `/${segments.slice(0, i + 1).join("/")}/` }))
    .slice(segments[0] === "api" ? 1 : 0)
    .map(({ seg, href }) => `<a href="${esc(href)}">${esc(seg)}</a>`)
    .join(" / ");
  const who = p.username
    ? `<form method="post" action="/api/auth/logout/" class="logout"><span>${esc(p.username)}</span>
<input type="hidden" name="csrf_token" value="${esc(p.csrf ?? "")}"><button type="submit">Log out</button></form>`
    : `<a href="/api/auth/login/?next=${esc(encodeURIComponent(p.path))}">Log in</a>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.csrf ? `<meta name="csrf-token" content="${esc(p.csrf)}">` : ""}
<title>${esc(p.title)} · Rackplane API</title>
<link rel="stylesheet" href="/static/browse/browse.css">
<script src="/static/browse/browse.js" defer></script>
</head><body>
<header><nav class="crumbs"><a href="/api/"><strong>Rackplane API</strong></a>${crumbs ? ` / ${crumbs}` : ""}</nav>
<div class="who">${who}</div></header>
<main>${p.body}</main>
<footer>JSON for programs: <code>Accept: application/json</code> or <a href="?format=json">?format=json</a>. OpenAPI: <a href="/api/schema/swagger-ui/">Swagger UI</a>, <a href="/api/schema/redoc/">ReDoc</a>.</footer>
</body></html>`;
}
