import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const Arch = choices("Arch", { x86_64: "x86_64", aarch64: "aarch64" });

export const osImages = defineResource({
  app: "firmware",
  name: "os-images",
  model: "OsImage",
  description: "Operating-system images that `deploy_os` inserts into a server's virtual CD drive by URL.",
  fields: {
    name: f.string({ required: true, max: 100, search: true }),
    version: f.string({ max: 50, search: true }),
    arch: f.choice(Arch, { default: "x86_64" }),
    file_url: f.string({ required: true, max: 500 }),
    checksum: f.string({ max: 128 }),
  },
  brief: ["name", "version"],
  display: "{name} {version}",
  ordering: ["name", "version"],
});
