import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, launchChromium } from "./chromium";
import { make, startServer, type TestServer } from "./harness";

/**
 * The documentation UIs in a real headless Chromium (Debian's, see .ci/chromium.sh)
 * against a live server on loopback: operations render, Swagger UI's "Try it out"
 * on a list answers 200, and no request leaves the machine (assets are local).
 * Screenshots go to artifacts/ for a human to look at.
 */
const ARTIFACTS = artifactsDir();

/**
 * Timings and sizes measured here, written to artifacts/docs-ui.json (bench/RESULTS.md cites
 * them), each timing with the machine's 1-minute load average when it was taken: the
 * machine is shared, so a timing means little without it. The bounds below are generous on
 * purpose: this measures, it is not a timed test.
 */
const measured: Record<string, number> = {};

/** The page's DOM node count and used JS heap (MB), from the Chrome DevTools Protocol. */
async function pageMetrics(page: Page): Promise<{ nodes: number; heapMb: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  await cdp.detach();
  return { nodes: get("Nodes"), heapMb: Math.round(get("JSHeapUsedSize") / 1e5) / 10 };
}

describe("documentation UIs in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    s = await startServer();
    await make(s, "/api/dcim/servers/", { name: "web-01", status: "in_use" });
    await make(s, "/api/dcim/servers/", { name: "web-02" });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
    writeFileSync(`${ARTIFACTS}docs-ui.json`, `${JSON.stringify(measured, null, 2)}\n`);
    console.log(`docs UI measurements: ${JSON.stringify(measured)}`);
  });

  /** A page that refuses (and records) any request not to the test server. */
  async function openPage(): Promise<{ page: Page; outside: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const outside: string[] = [];
    const errors: string[] = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(s.baseUrl) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page.on("pageerror", (e) => errors.push(e.message));
    return { page, outside, errors };
  }

  it("Swagger UI renders the operations and Try it out → Execute on a list returns 200", async () => {
    const { page, outside, errors } = await openPage();
    await page.goto(`${s.baseUrl}/api/schema/swagger-ui/`);
    await page.locator(".opblock").first().waitFor({ timeout: 60_000 });
    // Swagger UI virtualises long lists: the first operations are in the DOM, the rest as you scroll.
    await expect.poll(() => page.locator(".opblock").count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect(page.locator(".opblock-summary-path").first().getAttribute("data-path")).resolves.toBe(
      "/api/core/tags/",
    );
    await page.screenshot({ path: `${ARTIFACTS}swagger-ui.png` });

    // One app at a time (the first is core); the top bar's selector loads dcim's document.
    const apps = await page.locator(".topbar select option").evaluateAll((els) => els.map((e) => e.textContent));
    expect(apps.slice(0, 2)).toEqual(["core", "dcim"]);
    expect(apps.at(-1)).toMatch(/^all apps/);
    await page.locator(".topbar select").selectOption("dcim");
    // The tag filter shows one resource's operations: all of the servers' endpoints render.
    await page.locator("input.operation-filter-input").fill("dcim-servers");
    await expect
      .poll(
        () => page.locator(".opblock-summary-path").evaluateAll((els) => els.map((e) => e.getAttribute("data-path"))),
        {
          timeout: 30_000,
        },
      )
      .toEqual(expect.arrayContaining(["/api/dcim/servers/", "/api/dcim/servers/{id}/transitions/{transition}/"]));

    // Authorize with the test server's token, as a user would in the Authorize dialog.
    const token = (s as { token?: string }).token;
    if (token) await page.evaluate((t) => (globalThis as any).ui.preauthorizeApiKey("tokenAuth", `Token ${t}`), token);

    const list = page
      .locator(".opblock.opblock-get")
      .filter({ has: page.locator('.opblock-summary-path[data-path="/api/dcim/servers/"]') })
      .first();
    await list.locator(".opblock-summary").click();
    await list.locator("button.try-out__btn").click();
    await list.locator("button.execute").click();
    const status = list.locator(".live-responses-table tr.response .response-col_status").first();
    await status.waitFor({ timeout: 30_000 });
    expect((await status.textContent())?.trim()).toBe("200");
    await expect.poll(() => list.locator(".live-responses-table").textContent()).toContain("web-01");
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}swagger-ui-try-it-out.png`, fullPage: false });
    await list.locator(".live-responses-table").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}swagger-ui-response.png` });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("Swagger UI opens a deep link to an operation (tags have no `/`), the largest one too", async () => {
    const { page, outside, errors } = await openPage();
    // The document arrives compressed: the browser asked for it with Accept-Encoding.
    const schema = page.waitForResponse((r) => r.url().includes("/api/schema/?format=json"));
    // The link's tag picks its app's document, not the first app's.
    const started = Date.now();
    await page.goto(`${s.baseUrl}/api/schema/swagger-ui/#/dcim-servers/dcim_servers_list`);
    expect(["br", "gzip"]).toContain((await schema).headers()["content-encoding"]);
    expect((await schema).url()).toMatch(/[?&]app=dcim(&|$)/);
    const op = page.locator("#operations-dcim-servers-dcim_servers_list");
    await op.waitFor({ timeout: 90_000 });
    // Opened by the link: the parameters table of the list (every filter) is rendered.
    await op.locator(".parameters-container tr[data-param-name='rack']").first().waitFor({ timeout: 60_000 });
    const openedMs = Date.now() - started;
    measured.swaggerDeepLinkMs = openedMs;
    expect(await op.getAttribute("class")).toContain("is-open");
    await op.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}swagger-ui-deep-link.png` });
    console.log(`Swagger UI: deep link to dcim_servers_list open after ${openedMs} ms (page load included)`);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it("Swagger UI opens the largest operation on a click (timed apart from the page load), all of it rendered", async () => {
    const dcim = await s.get("/api/schema/?format=json&app=dcim", { accept: "application/json" });
    const documented = dcim.body.paths["/api/dcim/servers/"].get.parameters.length;
    expect(documented).toBeGreaterThan(150);
    const { page, outside, errors } = await openPage();
    const started = Date.now();
    await page.goto(`${s.baseUrl}/api/schema/swagger-ui/?urls.primaryName=dcim`);
    await page.locator(".opblock").first().waitFor({ timeout: 90_000 });
    measured.swaggerFirstOperationMs = Date.now() - started;
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/api/schema/?format=json"))
        .map((e) => e.toJSON())
        .map((e) => ({ url: String(e.name), ms: Number(e.responseEnd) - Number(e.startTime) })),
    );
    // Only dcim's document is fetched; its transfer time is apart from parsing and rendering.
    expect(loaded.map((e) => new URL(e.url).search)).toEqual(["?format=json&app=dcim"]);
    measured.swaggerSchemaFetchMs = Math.round(loaded[0]?.ms ?? Number.NaN);
    await page.locator("input.operation-filter-input").fill("dcim-servers");
    const op = page.locator("#operations-dcim-servers-dcim_servers_list");
    await op.waitFor({ timeout: 60_000 });
    // Closed until clicked: the 170-odd parameters are rendered by the click alone.
    expect(await op.getAttribute("class")).not.toContain("is-open");
    const clicked = Date.now();
    await op.locator(".opblock-summary").click();
    await op.locator(".parameters-container tr[data-param-name='ordering']").first().waitFor({ timeout: 60_000 });
    measured.swaggerOpenLargestMs = Date.now() - clicked;
    measured.swaggerOpenLargestLoad1m = loadavg()[0] ?? Number.NaN;
    // Every documented parameter has its row, and the 200 response's example is shown.
    expect(await op.locator(".parameters-container tbody tr[data-param-name]").count()).toBe(documented);
    const ok = op.locator(".responses-table tr.response[data-code='200']");
    await expect.poll(() => ok.locator(".model-example").textContent()).toContain('"results"');
    // The documented enums are offered: `fields` lists the servers' own field names.
    expect(
      await op
        .locator("tr[data-param-name='fields'] select option")
        .evaluateAll((els) => els.map((e) => e.textContent)),
    ).toContain("serial_number");
    const m = await pageMetrics(page);
    measured.swaggerDomNodes = m.nodes;
    measured.swaggerHeapMb = m.heapMb;
    console.log(
      `Swagger UI: click → dcim_servers_list parameters rendered in ${measured.swaggerOpenLargestMs} ms (load ${measured.swaggerOpenLargestLoad1m})`,
    );
    expect(measured.swaggerOpenLargestMs).toBeLessThan(30_000);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it("Swagger UI with our plugins gets what it gets without them: the operation resolved from the part of the document it reaches, the rows' data", async () => {
    const { page, outside, errors } = await openPage();
    await page.goto(`${s.baseUrl}/api/schema/swagger-ui/?urls.primaryName=dcim`);
    await page.locator(".opblock").first().waitFor({ timeout: 90_000 });
    // The list (173 parameters), a create (request body, links, 201/400/409), a schema (the Schemas section).
    const subtrees = [
      ["paths", "/api/dcim/servers/", "get"],
      ["paths", "/api/dcim/servers/", "post"],
      ["components", "schemas", "Server"],
    ];
    const compared = await page.evaluate(async (subtrees) => {
      const ui = (globalThis as any).ui;
      const spec = ui.specSelectors.specJson().toJS();
      const options = { baseDoc: ui.specSelectors.url() };
      const out = [];
      for (const path of subtrees) {
        const part = (globalThis as any).RackplaneSwaggerSubtree.reachable(spec, path);
        const fromPart = await ui.fn.resolveSubtree(spec, path, options);
        const fromWhole = await ui.fn.resolveSubtreeInWholeDocument(spec, path, options);
        out.push({
          path: path.join(" "),
          partShare: JSON.stringify(part).length / JSON.stringify(spec).length,
          same: JSON.stringify(fromPart) === JSON.stringify(fromWhole),
          errors: fromWhole.errors.length,
          resolvedBytes: JSON.stringify(fromWhole.spec).length,
        });
      }
      return out;
    }, subtrees);
    for (const c of compared) {
      expect(c, c.path).toMatchObject({ same: true, errors: 0 });
      expect(c.partShare, c.path).toBeLessThan(0.2);
      expect(c.resolvedBytes, c.path).toBeGreaterThan(1000);
    }
    // Each parameter row gets the same data as from Swagger UI's own selector, a value typed in included.
    await page.locator("input.operation-filter-input").fill("dcim-servers");
    const list = page.locator("#operations-dcim-servers-dcim_servers_list");
    await list.locator(".opblock-summary").click();
    await list.locator("button.try-out__btn").click();
    await list.locator("tr[data-param-name='limit'] input").first().fill("7");
    // The input hands its value on after a debounce: wait until the row's data holds it.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const ui = (globalThis as any).ui;
          const pathMethod = ["/api/dcim/servers/", "get"];
          const limit = ui.specSelectors
            .specJsonWithResolvedSubtrees()
            .getIn(["paths", ...pathMethod, "parameters"])
            .find((p: any) => p.get("name") === "limit");
          return ui.specSelectors.parameterWithMetaByIdentity(pathMethod, limit)?.get("value");
        }),
      )
      .toBe("7");
    const rows = await page.evaluate(() => {
      const ui = (globalThis as any).ui;
      const plugin = (globalThis as any).RackplaneSwaggerParameterMeta;
      const pathMethod = ["/api/dcim/servers/", "get"];
      const params = ui.specSelectors.specJsonWithResolvedSubtrees().getIn(["paths", ...pathMethod, "parameters"]);
      const rowData = () => params.map((p: any) => ui.specSelectors.parameterWithMetaByIdentity(pathMethod, p)).toJS();
      const ours = rowData();
      plugin.bypass = true;
      const swaggers = rowData();
      plugin.bypass = false;
      return { count: ours.length, same: JSON.stringify(ours) === JSON.stringify(swaggers), ours };
    });
    expect(rows.count).toBe(173);
    expect(rows.same).toBe(true);
    expect(rows.ours.find((p: { name: string }) => p.name === "limit")).toMatchObject({ value: "7" });
    // What the create shows: its request body with the model's example, and its 201.
    const create = page.locator("#operations-dcim-servers-dcim_servers_create");
    await create.locator(".opblock-summary").click();
    await expect.poll(() => create.locator(".opblock-section-request-body").textContent()).toContain('"serial_number"');
    await create.locator(".responses-table tr.response[data-code='201']").waitFor({ timeout: 60_000 });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it("ReDoc renders one app's operations, the app a link points into, and links the other apps", async () => {
    const dcim = await s.get("/api/schema/?format=json&app=dcim", { accept: "application/json" });
    const dcimOperations = Object.values<Record<string, { tags?: string[] }>>(dcim.body.paths).flatMap((item) =>
      Object.values(item).filter((op) => op.tags),
    ).length;
    const { page, outside, errors } = await openPage();
    const started = Date.now();
    await page.goto(`${s.baseUrl}/api/schema/redoc/#operation/dcim_servers_list`);
    const section = page.locator('[data-section-id="operation/dcim_servers_list"]');
    await section.waitFor({ timeout: 90_000 });
    measured.redocServersListRenderedMs = Date.now() - started;
    measured.redocLoad1m = loadavg()[0] ?? Number.NaN;
    // Every operation of dcim's document, and only those.
    await expect
      .poll(() => page.locator('[data-section-id^="operation/"]').count(), { timeout: 30_000 })
      .toBe(dcimOperations);
    expect(dcimOperations).toBeGreaterThan(50);
    await section.evaluate((el) => el.scrollIntoView({ block: "start" }));
    expect(await section.textContent()).toContain("List servers");
    const m = await pageMetrics(page);
    measured.redocDomNodes = m.nodes;
    measured.redocHeapMb = m.heapMb;
    await page.screenshot({ path: `${ARTIFACTS}redoc.png` });
    // The bar above links every app and the whole document; the current app is marked.
    const links = page.locator("#apps a");
    expect(await links.evaluateAll((els) => els.map((e) => e.textContent))).toEqual([
      ...(await s.get("/api/schema/?format=json", { accept: "application/json" })).body["x-tagGroups"].map(
        (g: { name: string }) => g.name,
      ),
      "all",
    ]);
    expect(await page.locator("#apps a.current").textContent()).toBe("dcim");
    await page.locator('#apps a[data-app="core"]').click();
    await page.locator('[data-section-id="operation/core_tags_list"]').waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-section-id="operation/dcim_servers_list"]').count()).toBe(0);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);
});
