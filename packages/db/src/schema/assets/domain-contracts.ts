import { date, index, integer, numeric, pgTable, varchar } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { domains } from "./domains";

export const domainContracts = pgTable(
  "domain_contracts",
  {
    ...standardColumns,
    ...commentsColumn,
    domain_id: integer("domain_id")
      .notNull()
      .references(() => domains.id, { onDelete: "cascade" }),
    registrar: varchar("registrar", { length: 100 }).notNull().default(""),
    expiration_date: date("expiration_date"),
    price: numeric("price", { precision: 12, scale: 2 }),
  },
  (t) => [
    ...standardIndexes("domain_contracts", t),
    index("domain_contracts_ordering_idx").on(t.expiration_date, t.id),
    index("domain_contracts_domain_idx").on(t.domain_id),
  ],
);
