import { choices, f } from "../common/fields";
import { defineResource } from "../common/resource";

export const DomainStatus = choices("DomainStatus", {
  active: "Active",
  pending_lapse: "Pending lapse",
  pending_transfer_away: "Pending transfer away",
  lapsed: "Lapsed",
  transferred_away: "Transferred away",
});

export const domains = defineResource({
  app: "assets",
  name: "domains",
  model: "Domain",
  description: "Registered DNS domains and who holds them.",
  fields: {
    name: f.string({ required: true, max: 255, unique: true, search: true }),
    status: f.choice(DomainStatus, { default: "active" }),
    dns_provider: f.string({ max: 100, search: true }),
    domain_holder: f.string({ max: 100, search: true }),
    business_owner: f.string({ max: 150, search: true }),
    technical_owner: f.string({ max: 150, search: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    contracts_count: f.count("assets.domain-contracts", "domain"),
  },
  brief: ["name"],
  ordering: ["name"],
});

export const domainContracts = defineResource({
  app: "assets",
  name: "domain-contracts",
  model: "DomainContract",
  description: "Registration contracts of a domain (registrar, expiry, price).",
  fields: {
    domain: f.fk("assets.domains", { required: true, onDelete: "cascade" }),
    registrar: f.string({ max: 100, search: true }),
    expiration_date: f.date({ nullable: true }),
    price: f.number({ min: 0, nullable: true }),
  },
  brief: ["domain", "expiration_date"],
  display: "{domain} {expiration_date}",
  ordering: ["expiration_date"],
});
