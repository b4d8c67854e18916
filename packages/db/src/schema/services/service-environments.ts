import { index, integer, pgTable, unique } from "drizzle-orm/pg-core";
import { commentsColumn, standardColumns, standardIndexes } from "../columns";
import { environments } from "./environments";
import { services } from "./services";

export const serviceEnvironments = pgTable(
  "service_environments",
  {
    ...standardColumns,
    ...commentsColumn,
    service_id: integer("service_id")
      .notNull()
      .references(() => services.id),
    environment_id: integer("environment_id")
      .notNull()
      .references(() => environments.id),
  },
  (t) => [
    ...standardIndexes("service_environments", t),
    unique("service_environments_service_env_key").on(t.service_id, t.environment_id),
    index("service_environments_environment_idx").on(t.environment_id),
  ],
);
