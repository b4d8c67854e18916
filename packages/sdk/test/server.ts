// The real Rackplane server on loopback (fresh database), shared with the server's own tests.
export { startServer, type TestServer } from "../../../apps/server/test/harness";
