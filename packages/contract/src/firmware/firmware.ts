import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const FirmwareType = choices("FirmwareType", {
  bios: "BIOS",
  bmc: "BMC",
  nic: "NIC",
  storage: "Storage",
  other: "Other",
});

export const firmware = defineResource({
  app: "firmware",
  name: "firmware",
  model: "Firmware",
  description:
    "Firmware images. `asset_models` says which server models an image applies to; `update_firmware` " +
    "on a server refuses an image that does not list the server's model.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    version: f.string({ required: true, max: 50, search: true }),
    firmware_type: f.choice(FirmwareType, { default: "bios" }),
    manufacturer: f.fk("dcim.manufacturers", { nullable: true }),
    asset_models: f.m2m("dcim.asset-models"),
    file_url: f.string({ required: true, max: 500 }),
    checksum: f.string({ max: 128 }),
    size: f.int({ nullable: true, min: 0, max: Number.MAX_SAFE_INTEGER, description: "Bytes." }),
  },
  brief: ["name", "version"],
  display: "{name} {version}",
  ordering: ["name", "version"],
});
