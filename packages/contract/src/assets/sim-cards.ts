import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const SimCardStatus = choices("SimCardStatus", {
  new: "New",
  in_use: "In use",
  free: "Free",
  lost: "Lost",
  damaged: "Damaged",
  liquidated: "Liquidated",
});

export const simCards = defineResource({
  app: "assets",
  name: "sim-cards",
  model: "SIMCard",
  description: "SIM cards; PIN and PUK codes are write-only.",
  fields: {
    card_number: f.string({ required: true, max: 22, min: 5, unique: true, pattern: /^\d+$/, search: true }),
    phone_number: f.string({ max: 16, pattern: /^\+?\d*$/, search: true }),
    carrier: f.string({ max: 100, search: true }),
    pin1: f.string({ max: 8, nullable: true, writeOnly: true, order: false, filter: false }),
    puk1: f.string({ max: 16, nullable: true, writeOnly: true, order: false, filter: false }),
    warehouse: f.fk("dcim.warehouses", { nullable: true }),
    user: f.fk("users.users", { nullable: true, by: ["username"] }),
    status: f.choice(SimCardStatus, { default: "new" }),
  },
  brief: ["card_number", "phone_number"],
  ordering: ["card_number"],
});
