import { resources } from "@rackplane/contract";
import { dcimFixtures } from "./fixtures";
import { make } from "./harness";
import { describeResource } from "./resource-suite";

const { firmware } = resources;

describeResource({
  resource: firmware.firmware,
  fixtures: async (s) => {
    const fx = await dcimFixtures(s);
    const model2 = await make(s, "/api/dcim/asset-models/", {
      name: "Fixture model 2",
      manufacturer: fx.maker.id,
      category: "server",
    });
    return { ...fx, model2 };
  },
  create: (fx, i) => ({
    name: `BIOS ${i}`,
    version: `2.${i}.0`,
    firmware_type: i === 1 ? "BMC" : "bios",
    manufacturer: i === 2 ? null : fx.maker.id,
    asset_models: i === 2 ? [] : [fx.model.id],
    file_url: `https://images.example/bios-${i}.bin`,
    checksum: `sha256:${i}`,
  }),
  update: (fx) => ({
    name: "BIOS replaced",
    version: "9.0",
    file_url: "https://images.example/replaced.bin",
    asset_models: [fx.model2.id],
  }),
  patch: { checksum: "sha256:patched", firmware_type: "nic" },
  invalid: [
    { body: () => ({ name: "x", version: "1", file_url: "u", firmware_type: "toaster" }), field: "firmware_type" },
    { body: () => ({ name: "x", version: "1", file_url: "u", asset_models: [99999999] }), field: "asset_models" },
  ],
});

describeResource({
  resource: firmware.osImages,
  create: (_, i) => ({
    name: `Ubuntu ${i}`,
    version: `24.0${i}`,
    arch: i === 1 ? "aarch64" : "x86_64",
    file_url: `https://images.example/ubuntu-${i}.iso`,
  }),
  update: () => ({ name: "Debian", version: "13", file_url: "https://images.example/debian.iso" }),
  patch: { checksum: "sha256:abc", arch: "aarch64" },
  invalid: [{ body: () => ({ name: "x", file_url: "u", arch: "sparc" }), field: "arch" }],
});
