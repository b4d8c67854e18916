import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const BackOfficeAssetStatus = choices("BackOfficeAssetStatus", {
  new: "New",
  in_progress: "In progress",
  in_use: "In use",
  free: "Free",
  reserved: "Reserved",
  damaged: "Damaged",
  in_repair: "In repair",
  liquidated: "Liquidated",
});

export const backOfficeAssets = defineResource({
  app: "assets",
  name: "back-office-assets",
  model: "BackOfficeAsset",
  description: "Office hardware (laptops, phones, monitors) kept in a warehouse and handed to people.",
  fields: {
    hostname: f.string({ max: 255, search: true }),
    asset_model: f.fk("dcim.asset-models", { nullable: true }),
    sn: f.string({ max: 200, nullable: true, unique: true, search: true }),
    barcode: f.string({ max: 200, nullable: true, unique: true, search: true }),
    warehouse: f.fk("dcim.warehouses", { required: true }),
    location: f.string({ max: 128, search: true, description: "Where it is, as free text." }),
    user: f.fk("users.users", { nullable: true, by: ["username"], description: "Who uses it." }),
    owner: f.fk("users.users", { nullable: true, by: ["username"], description: "Who is accountable for it." }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    status: f.choice(BackOfficeAssetStatus, { default: "new" }),
    price: f.number({ min: 0, nullable: true }),
    invoice_date: f.date({ nullable: true }),
  },
  brief: ["hostname", "barcode"],
  display: "{hostname}",
  ordering: ["hostname"],
  workflow: {
    field: "status",
    transitions: {
      prepare: { label: "Start preparation", from: ["new", "free"], to: "in_progress" },
      release: { label: "Release to user", from: ["new", "free", "in_progress", "reserved"], to: "in_use" },
      return_asset: { label: "Return", from: ["in_use", "reserved", "in_progress"], to: "free" },
      reserve: { label: "Reserve", from: ["new", "free"], to: "reserved" },
      report_damage: {
        label: "Report damage",
        from: ["new", "in_progress", "in_use", "free", "reserved"],
        to: "damaged",
      },
      send_to_repair: { label: "Send to repair", from: ["damaged"], to: "in_repair" },
      repaired: { label: "Back from repair", from: ["in_repair"], to: "free" },
      liquidate: { label: "Liquidate", from: ["damaged", "free"], to: "liquidated" },
    },
  },
});
