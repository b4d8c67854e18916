import { dcimFixtures } from "./fixtures";
import { make, type TestServer } from "./harness";

/** DCIM fixtures plus a server, a service in an environment and a support team. */
export async function catalogueFixtures(s: TestServer) {
  const d = await dcimFixtures(s);
  const server = await make(s, "/api/dcim/servers/", { name: "hv-1", rack: d.rack.id, serial_number: "SN-HV-1" });
  const team = await make(s, "/api/services/teams/", { name: "Fixture team" });
  const service = await make(s, "/api/services/services/", { name: "Fixture service", uid: "sc-fixture" });
  const prod = await make(s, "/api/services/environments/", { name: "Fixture prod" });
  const se = await make(s, "/api/services/service-environments/", { service: service.id, environment: prod.id });
  return { ...d, server, team, service, prod, se };
}
export type CatalogueFixtures = Awaited<ReturnType<typeof catalogueFixtures>>;
