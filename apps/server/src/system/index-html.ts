const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The browsable index of `GET /api/` for browsers. */
export function indexHtml(index: {
  version: string;
  endpoints: { app: string; resource: string; url: string; description: string }[];
}) {
  const rows = index.endpoints
    .map(
      (e) =>
        `<tr><td>${esc(e.app)}</td><td><a href="${esc(e.url)}">${esc(e.resource)}</a></td><td>${esc(e.description)}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Rackplane API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.3rem .8rem;text-align:left}tr:nth-child(even){background:#f4f4f4}</style>
</head><body><h1>Rackplane API <small>v${esc(index.version)}</small></h1>
<p>Every endpoint below answers JSON; send <code>Accept: application/json</code>. OpenAPI: <a href="/api/schema/">/api/schema/</a>.</p>
<table><thead><tr><th>App</th><th>Resource</th><th>Description</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}
