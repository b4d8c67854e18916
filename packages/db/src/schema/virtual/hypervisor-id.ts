import { integer } from "drizzle-orm/pg-core";
import { servers } from "../dcim/servers";

/** The server a virtual machine or cloud host runs on (cleared when that is deleted). */
export const hypervisorId = () => integer("hypervisor_id").references(() => servers.id, { onDelete: "set null" });
