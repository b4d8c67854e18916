import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD } from "./browse-support";
import { artifactsDir, launchChromium } from "./chromium";
import { make, startServer, type TestServer } from "./harness";

/**
 * The browsable API in a real headless Chromium (Debian's, see .ci/chromium.sh)
 * against a live server on loopback, as a user would: log in, browse a list,
 * filter, page, open a detail, submit a create form with an error and see the
 * field error, then a valid one, delete. Screenshots go to artifacts/browse/
 * (gitignored) for a human to look at.
 */
const ARTIFACTS = artifactsDir("browse/");

describe("browsable API in Chromium", () => {
  let s: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    s = await startServer({ RACKPLANE_ADMIN_PASSWORD: PASSWORD });
    await make(s, "/api/dcim/servers/", { name: "web-01", status: "in_use" });
    await make(s, "/api/dcim/servers/", { name: "web-02" });
    await make(s, "/api/dcim/servers/", { name: "web-03" });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const rowNames = (page: Page) =>
    page.locator("table.results tbody tr td:nth-child(2)").evaluateAll((tds) => tds.map((td) => td.textContent));

  it("log in, browse, filter, page, open a detail, create (error, then valid), delete", async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => d.accept()); // the delete confirmation

    // /api/ without a session: the login page, then back to /api/.
    await page.goto(`${s.baseUrl}/api/`);
    expect(new URL(page.url()).pathname).toBe("/api/auth/login/");
    await page.fill("#username", "admin");
    await page.fill("#password", "wrong");
    await page.click("form.login button[type=submit]");
    await expect.poll(() => page.locator(".form-errors").textContent()).toContain("Invalid username or password.");
    await page.fill("#password", PASSWORD);
    await page.screenshot({ path: `${ARTIFACTS}login.png` });
    await page.click("form.login button[type=submit]");
    await page.waitForURL(`${s.baseUrl}/api/`);
    expect(await page.locator("h1").textContent()).toBe("Rackplane API");
    expect(await page.locator("header .who").textContent()).toContain("admin");
    await page.screenshot({ path: `${ARTIFACTS}index.png`, fullPage: false });

    // The app root, then the servers list.
    await page.click('a[href="/api/dcim/"]');
    await page.waitForURL(`${s.baseUrl}/api/dcim/`);
    await page.click(`a[href="${s.baseUrl}/api/dcim/servers/"]`);
    await page.waitForURL(`${s.baseUrl}/api/dcim/servers/`);
    expect(await rowNames(page)).toEqual(["web-01", "web-02", "web-03"]);
    await page.screenshot({ path: `${ARTIFACTS}list.png`, fullPage: true });

    // Filter by status (a select built from the field's choices).
    await page.selectOption("#q-status", "in_use");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/status=in_use/);
    expect(new URL(page.url()).search).toBe("?status=in_use"); // empty inputs are left out
    expect(await rowNames(page)).toEqual(["web-01"]);
    await page.screenshot({ path: `${ARTIFACTS}filtered.png`, fullPage: false });

    // Page through, one per page, ordered by name descending.
    await page.goto(`${s.baseUrl}/api/dcim/servers/`);
    await page.selectOption("#q-ordering", "-name");
    await page.fill("#q-limit", "1");
    await page.click("form.filters button[type=submit]");
    await page.waitForURL(/limit=1/);
    expect(await rowNames(page)).toEqual(["web-03"]);
    await page.click("a[rel=next]");
    await page.waitForURL(/offset=1/);
    expect(await rowNames(page)).toEqual(["web-02"]);
    await page.screenshot({ path: `${ARTIFACTS}page-2.png`, fullPage: false });

    // Open a detail.
    await page.click("table.results tbody a");
    await page.waitForURL(/\/api\/dcim\/servers\/\d+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Servers: web-02");
    await page.screenshot({ path: `${ARTIFACTS}detail.png`, fullPage: true });

    // Create: without the required name → the 400's field error next to the field, nothing created.
    await page.goto(`${s.baseUrl}/api/dcim/servers/`);
    const create = page
      .locator("form.api-form")
      .filter({ has: page.locator('button[value="POST"]') })
      .first();
    await create.locator('[name="serial_number"]').fill("SN-NEW-1");
    await create.locator('button[value="POST"]').click();
    const nameError = create.locator('.field-error[data-for="name"]');
    await expect.poll(() => nameError.textContent(), { timeout: 15_000 }).toBe("This field is required.");
    expect(await create.locator(".form-errors").textContent()).toMatch(/^400/);
    await nameError.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}create-error.png` });
    expect((await s.get("/api/dcim/servers/?serial_number=SN-NEW-1")).body.count).toBe(0);

    // Then a valid one → the new object's page.
    await create.locator('[name="name"]').fill("web-new");
    await create.locator('button[value="POST"]').click();
    await page.waitForURL(/\/api\/dcim\/servers\/\d+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Servers: web-new");
    const created = (await s.get("/api/dcim/servers/?name=web-new")).body.results[0];
    expect(created.serial_number).toBe("SN-NEW-1");
    await page.screenshot({ path: `${ARTIFACTS}created.png`, fullPage: false });

    // Edit (PATCH) one field.
    const edit = page.locator("form.api-form").filter({ has: page.locator('button[value="PATCH"]') });
    await edit.locator('[name="serial_number"]').fill("SN-NEW-2");
    await edit.locator('button[value="PATCH"]').click();
    await expect
      .poll(async () => (await s.get(`/api/dcim/servers/${created.id}/`)).body.serial_number)
      .toBe("SN-NEW-2");

    // Run a transition (with a reason) from its one-line form: the page reloads with the new status.
    await page.waitForLoadState("load");
    const putInUse = page.locator(`form[data-url="/api/dcim/servers/${created.id}/transitions/install/"]`);
    await putInUse.locator('[name="_raw"]').fill('{"reason": "racked"}');
    await putInUse.locator('button[value="POST"]').click();
    await expect.poll(async () => (await s.get(`/api/dcim/servers/${created.id}/`)).body.status.value).toBe("in_use");
    await expect.poll(() => page.locator("legend").allTextContents()).toContain("Transitions (current: in_use)");

    // Delete → back to the list, the object is gone.
    await page.waitForLoadState("load");
    await page.locator('button[value="DELETE"]').click();
    await page.waitForURL(`${s.baseUrl}/api/dcim/servers/`);
    expect((await s.get(`/api/dcim/servers/${created.id}/`)).status).toBe(404);
    expect(await rowNames(page)).not.toContain("web-new");

    // Log out: back to the login page; the API refuses the browser again.
    await page.click("header .logout button");
    await page.waitForURL(/\/api\/auth\/login\/$/);
    await page.goto(`${s.baseUrl}/api/dcim/servers/`);
    expect(new URL(page.url()).pathname).toBe("/api/auth/login/");
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
