import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const AccessCardStatus = choices("AccessCardStatus", {
  new: "New",
  in_use: "In use",
  free: "Free",
  lost: "Lost",
  damaged: "Damaged",
  liquidated: "Liquidated",
});

export const accessCards = defineResource({
  app: "dcim",
  name: "access-cards",
  model: "AccessCard",
  description: "Access cards opening an access zone, issued to a user.",
  fields: {
    number: f.string({
      required: true,
      max: 255,
      unique: true,
      search: true,
      description: "Number printed on the card.",
    }),
    system_number: f.string({ max: 255, search: true, description: "Number in the access-control system." }),
    access_zone: f.fk("dcim.access-zones", { nullable: true }),
    user: f.fk("users.users", { nullable: true, by: ["username"] }),
    owner: f.fk("users.users", { nullable: true, by: ["username"] }),
    issue_date: f.date({ nullable: true }),
    status: f.choice(AccessCardStatus, { default: "new" }),
  },
  brief: ["number"],
  ordering: ["number"],
});
