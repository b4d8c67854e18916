import { resources } from "@rackplane/contract";
import { baseObjectsView, schema } from "@rackplane/db";
import { bind } from "../../framework/binding";
import { sealed } from "../common/sealed";
import { baseObjectAccess } from "../pools/access";
import { boughtCoversAssigned, datesInOrder, licencesNotOverAssigned, lockLicence } from "./licences";

/** The assets app and the polymorphic `base-objects` view (issue 8). */
export function bindAssets() {
  const { assets, services } = resources;
  bind(assets.baseObjects, baseObjectsView, { access: baseObjectAccess });
  bind(assets.backOfficeAssets, schema.backOfficeAssets);
  bind(assets.software, schema.software);
  bind(assets.licences, schema.licences, { validate: boughtCoversAssigned });
  // An assignment is about its asset: it is seen (and written) only by who sees the asset.
  bind(assets.baseObjectLicences, schema.baseObjectLicences, {
    access: { follows: "base_object" },
    validate: lockLicence,
    afterWrite: licencesNotOverAssigned,
  });
  bind(assets.simCards, schema.simCards, { derive: sealed("pin1", "puk1") });
  bind(assets.sslCertificates, schema.sslCertificates, { validate: datesInOrder });
  bind(assets.domains, schema.domains);
  bind(assets.domainContracts, schema.domainContracts);
  bind(services.supports, schema.supports, {
    validate: datesInOrder,
    joinTables: { assets: { table: "support_assets", ownerColumn: "support_id", targetColumn: "base_object_id" } },
  });
}
