import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const BaseObjectType = choices("BaseObjectType", {
  server: "Server",
  switch: "Switch",
  back_office_asset: "Back-office asset",
  virtual_server: "Virtual server",
  cloud_host: "Cloud host",
});

/**
 * Every asset type in one read-only list (Ralph's BaseObject). Ids are shared by all
 * asset tables (one sequence), so an id names one asset whatever its type; the
 * list is a UNION ALL view filtered, ordered and paginated in SQL.
 */
export const baseObjects = defineResource({
  app: "assets",
  name: "base-objects",
  model: "BaseObject",
  description:
    "Read-only list of every asset (servers, switches, back-office assets, virtual servers, cloud hosts) with " +
    "`type` and common fields; `?name=` and `?sn=` match whichever field each type has (name or hostname, " +
    "serial number or host id).",
  fields: {
    type: f.choice(BaseObjectType, { readOnly: true }),
    name: f.string({ readOnly: true, search: true, description: "Name or hostname." }),
    sn: f.string({ readOnly: true, search: true, description: "Serial number (host id for cloud hosts)." }),
    barcode: f.string({ readOnly: true, nullable: true, search: true, description: "Asset tag or barcode." }),
    status: f.string({ readOnly: true, description: "The type's own status value." }),
    service_environment: f.fk("services.service-environments", { readOnly: true, nullable: true, by: [] }),
  },
  brief: ["type", "name"],
  display: "{name}",
  ordering: ["id"],
  readOnly: true,
  tags: false,
  comments: false,
});
