import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const CertificateType = choices("CertificateType", {
  ev: "EV",
  ov: "OV",
  dv: "DV",
  wildcard: "Wildcard",
  multisan: "Multi-SAN",
  internal: "Internal CA",
});

export const sslCertificates = defineResource({
  app: "assets",
  name: "ssl-certificates",
  model: "SSLCertificate",
  description: "TLS certificates with their validity window; `?date_to__lt=` finds the expiring ones.",
  fields: {
    name: f.string({ required: true, max: 255, unique: true, search: true }),
    domain_ssl: f.string({ max: 255, search: true, description: "Common name." }),
    certificate_type: f.choice(CertificateType, { default: "ov" }),
    issuer: f.string({ max: 255, search: true }),
    san: f.text({ description: "Subject alternative names, one per line." }),
    date_from: f.date({ nullable: true }),
    date_to: f.date({ nullable: true }),
    price: f.number({ min: 0, nullable: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
  },
  brief: ["name"],
  ordering: ["name"],
});
