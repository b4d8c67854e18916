import { backOfficeAssets } from "./back-office-assets";
import { baseObjects } from "./base-objects";
import { domainContracts, domains } from "./domains";
import { baseObjectLicences, licences } from "./licences";
import { simCards } from "./sim-cards";
import { software } from "./software";
import { sslCertificates } from "./ssl-certificates";

export { BackOfficeAssetStatus } from "./back-office-assets";
export { BaseObjectType } from "./base-objects";
export { DomainStatus } from "./domains";
export { SimCardStatus } from "./sim-cards";
export { CertificateType } from "./ssl-certificates";
export const assets = {
  baseObjects,
  backOfficeAssets,
  software,
  licences,
  baseObjectLicences,
  simCards,
  sslCertificates,
  domains,
  domainContracts,
} as const;
