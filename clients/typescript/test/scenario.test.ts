import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../../../apps/server/test/harness";
import { scenario } from "../src/scenario";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => s?.close());

it("the client scenario runs on openapi-fetch with types from the document alone", async () => {
  const steps: string[] = [];
  await scenario(s.baseUrl, s.token, (m) => steps.push(m));
  expect(steps).toContain("ok - deleted server is 404");
});
