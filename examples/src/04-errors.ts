/**
 * Handling errors: a 400 names the fields that are wrong (per item for bulk
 * requests); a 409 says what conflicts. Every error carries the request id to
 * quote when reporting a problem. Run 01 and 02 first; nothing here is written, so
 * it can run again.
 *
 *   npx tsx examples/src/04-errors.ts
 */
import { BadRequestError, ConflictError, isBadRequest, NotFoundError, Rackplane } from "@rackplane/sdk";

const rp = new Rackplane();

// 400: invalid values. `isBadRequest(e, resource)` types fieldErrors by the resource's fields.
try {
  // @ts-expect-error: not a status of servers — a compile error, sent anyway to show the server's 400
  await rp.dcim.servers.create({ name: "bad-1", position: 0, status: "exploded" });
} catch (e) {
  if (!isBadRequest(e, rp.dcim.servers)) throw e;
  console.log(`400 on create: position → ${e.messages("position").join(" ")}`);
  console.log(`               status → ${e.fieldErrors.status?.join(" ")}`);
  console.log(`               request id ${e.requestId}`);
}

// 400 on a bulk request: nothing is written, and each failing item is reported.
try {
  await rp.dcim.servers.bulkCreate([{ name: "ok-1" }, { name: "" }, { name: "ok-2", position: 500 }]);
} catch (e) {
  if (!(e instanceof BadRequestError)) throw e;
  const failing = (e.itemErrors ?? []).flatMap((err, i) =>
    Object.keys(err).length ? [`#${i}: ${Object.keys(err)}`] : [],
  );
  console.log(`400 on bulk create: ${failing.join("; ")}`);
  const written = await rp.dcim.servers.list({ name__in: ["ok-1", "ok-2"] });
  console.log(`written by the failed bulk request: ${written.count}`);
}

// 409: a unique value that is already taken.
try {
  await rp.dcim.servers.create({ name: "dup", asset_tag: "AT-1001" });
} catch (e) {
  if (!(e instanceof ConflictError)) throw e;
  console.log(`409 on duplicate asset tag: ${(e.body as { detail: string }).detail}`);
}

// 409: deleting a room that still has racks.
const room = (await rp.dcim.serverRooms.list({ name: "Hall A", data_center__slug: "fra1" })).results[0]!;
try {
  await rp.dcim.serverRooms.delete(room.id);
} catch (e) {
  if (!(e instanceof ConflictError)) throw e;
  console.log(`409 on delete of ${room.display}: ${(e.body as { detail: string }).detail}`);
}

// 404 is its own class too.
const gone = await rp.dcim.servers.retrieve(987654).catch((e) => e);
console.log(`404 for a missing server: ${gone instanceof NotFoundError}`);
