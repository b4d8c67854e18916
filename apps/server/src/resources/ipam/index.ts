import { resources } from "@rackplane/contract";
import { schema } from "@rackplane/db";
import { bind } from "../../framework/binding";
import { availableIpsActions } from "./available-ips";
import { gatewayInNetwork, networkOfAddress, relinkAddresses } from "./derive-network";

export function bindIpam() {
  bind(resources.ipam.networkEnvironments, schema.networkEnvironments);
  bind(resources.ipam.networks, schema.networks, {
    validate: gatewayInNetwork,
    afterWrite: relinkAddresses,
    actions: availableIpsActions,
  });
  bind(resources.ipam.ipAddresses, schema.ipAddresses, { derive: networkOfAddress });
}
