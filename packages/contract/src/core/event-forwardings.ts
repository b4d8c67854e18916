import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

const LIST = (item: string) => new RegExp(`^(${item}(,${item})*)?$`);

export const eventForwardings = defineResource({
  app: "core",
  name: "event-forwardings",
  model: "EventForwarding",
  description:
    "HTTP endpoints that receive every matching change as a JSON POST. Delivery runs from a transactional outbox in " +
    "the background (retried with exponential backoff, never blocking the change); attempts are at " +
    "`/api/core/event-deliveries/?forwarding=<id>`. Also configurable with `RACKPLANE_FORWARDINGS` (JSON list). " +
    "Ralph LRS's forwarding entries (`is_active, url, basic_username, basic_password, max_retries, timeout`) are " +
    "accepted as they are: `url` for `payload_url`, and the name derived.",
  fields: {
    name: f.string({
      max: 100,
      unique: true,
      search: true,
      description:
        "Omitted or blank on create and PUT: derived from `payload_url` (without the scheme and trailing slashes; " +
        "` #2`, ` #3`… after it when another forwarding has that name).",
    }),
    is_active: f.bool({ default: true }),
    // Not `url`: every object already has `url` (its own address); writes accept it as an alias.
    // No NUL either (PostgreSQL text cannot hold one): `\S` alone would admit it, and the document says the pattern.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is named to be excluded.
    payload_url: f.string({ required: true, max: 500, pattern: /^https?:\/\/[^\s\u0000]+$/, search: true }),
    basic_username: f.string({ max: 150 }),
    basic_password: f.password({ description: "Write-only; stored encrypted (AES-256-GCM)." }),
    max_retries: f.int({ min: 0, max: 20, default: 5, description: "Retries after the first attempt." }),
    timeout: f.number({ min: 0.1, max: 120, default: 10, description: "Seconds per attempt." }),
    object_types: f.string({
      max: 1000,
      pattern: LIST("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*"),
      description: "Comma-separated `app.resource` (e.g. `dcim.servers`); empty = every type.",
    }),
    actions: f.string({
      max: 30,
      pattern: LIST("(create|update|delete)"),
      description: "Comma-separated create, update, delete; empty = all three.",
    }),
  },
  brief: ["name", "payload_url"],
  ordering: ["name"],
  tags: false,
  writeAliases: { url: "payload_url" },
});

export const DeliveryStatus = choices("DeliveryStatus", {
  pending: "Pending",
  sending: "Sending",
  retrying: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
});

export const eventDeliveries = defineResource({
  app: "core",
  name: "event-deliveries",
  model: "EventDelivery",
  description:
    "One change to deliver to one forwarding (the outbox), with every attempt (`attempt_log`) and the outcome. Read-only.",
  fields: {
    forwarding: f.fk("core.event-forwardings", { readOnly: true, onDelete: "cascade" }),
    object_change: f.fk("core.object-changes", { readOnly: true, by: [], onDelete: "cascade" }),
    status: f.choice(DeliveryStatus, { readOnly: true }),
    attempts: f.int({ readOnly: true }),
    next_attempt_at: f.datetime({ readOnly: true, nullable: true }),
    last_status_code: f.int({ readOnly: true, nullable: true }),
    last_error: f.string({ readOnly: true }),
    delivered_at: f.datetime({ readOnly: true, nullable: true }),
    attempt_log: f.json({ readOnly: true, description: "`{attempts: [{time, status_code, error, duration_ms}]}`" }),
  },
  brief: ["status", "attempts"],
  display: "delivery {id}",
  ordering: ["-id"],
  tags: false,
  comments: false,
  readOnly: true,
});
