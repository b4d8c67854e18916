import { f } from "../common/fields";
import { defineResource } from "../common/resource";

export const licences = defineResource({
  app: "assets",
  name: "licences",
  model: "Licence",
  description:
    "Bought licences of a software product; assigned to assets through base-object-licences with a quantity " +
    "that may not exceed `number_bought`.",
  fields: {
    software: f.fk("assets.software", { required: true }),
    niw: f.string({ required: true, max: 200, unique: true, search: true, description: "Inventory number." }),
    number_bought: f.int({ required: true, min: 1 }),
    sn: f.string({ max: 200, search: true }),
    valid_thru: f.date({ nullable: true }),
    invoice_date: f.date({ nullable: true }),
    invoice_no: f.string({ max: 128, search: true }),
    price: f.number({ min: 0, nullable: true }),
    service_environment: f.fk("services.service-environments", { nullable: true, by: [] }),
    assignments_count: f.count("assets.base-object-licences", "licence"),
  },
  brief: ["niw", "software"],
  display: "{niw}",
  ordering: ["niw"],
});

export const baseObjectLicences = defineResource({
  app: "assets",
  name: "base-object-licences",
  model: "BaseObjectLicence",
  description:
    "A licence assigned to an asset with a quantity; the quantities of one licence never exceed what was bought (400).",
  fields: {
    licence: f.fk("assets.licences", { required: true, by: ["niw"], onDelete: "cascade" }),
    base_object: f.fk("assets.base-objects", { required: true, by: ["name"], onDelete: "cascade" }),
    quantity: f.int({ min: 1, default: 1 }),
  },
  brief: ["licence", "base_object", "quantity"],
  display: "{licence} → {base_object}",
  ordering: ["id"],
  tags: false,
});
