/**
 * Sample data of the catalogue apps (ipam, services, virtual, peering, assets and
 * the dcim extras) for `rackplane seed`, after the core inventory it refers to.
 */
export const catalogueSample: [string, Record<string, unknown>[]][] = [
  ["dcim.warehouses", [{ name: "Warsaw store", address: "Prosta 1, Warsaw" }]],
  ["dcim.accessories", [{ name: "Patch panel 48p", rack: { name: "A01" }, position: 41 }]],
  ["dcim.access-zones", [{ name: "Building A" }]],
  ["dcim.access-zones", [{ name: "Server room A", parent: { name: "Building A" } }]],
  ["ipam.network-environments", [{ name: "prod-waw1", data_center: { slug: "waw1" } }]],
  [
    "ipam.networks",
    [
      { name: "waw1", address: "10.10.0.0/16", network_environment: { name: "prod-waw1" } },
      {
        name: "web",
        address: "10.10.1.0/24",
        gateway: "10.10.1.1",
        vlan: 101,
        network_environment: { name: "prod-waw1" },
      },
      { name: "web v6", address: "2001:db8:10::/64", network_environment: { name: "prod-waw1" } },
    ],
  ],
  [
    "ipam.ip-addresses",
    Array.from({ length: 12 }, (_, i) => ({
      address: `10.10.1.${i + 10}`,
      hostname: `web-${String(i + 1).padStart(2, "0")}.waw1`,
      network_environment: { name: "prod-waw1" },
    })),
  ],
  ["services.teams", [{ name: "Web platform" }]],
  ["services.environments", [{ name: "prod" }, { name: "test" }]],
  ["services.services", [{ name: "Storefront", uid: "sc-001", support_team: { name: "Web platform" } }]],
  [
    "services.service-environments",
    [
      { service: { uid: "sc-001" }, environment: { name: "prod" } },
      { service: { uid: "sc-001" }, environment: { name: "test" } },
    ],
  ],
  ["services.configuration-modules", [{ name: "web" }]],
  ["services.configuration-classes", [{ name: "nginx", module: { name: "web" } }]],
  ["virtual.clusters", [{ name: "waw1-vmware", cluster_type: "vmware" }]],
  [
    "virtual.virtual-servers",
    [1, 2, 3].map((i) => ({
      hostname: `vm-${i}.waw1`,
      hypervisor: { name: "web-01.waw1" },
      cluster: { name: "waw1-vmware" },
      status: "in_use",
      cpu: 4,
      memory_mb: 8192,
    })),
  ],
  ["virtual.cloud-hosts", [{ hostname: "cloud-1", cloud_provider: "openstack", host_id: "a1b2c3" }]],
  [
    "peering.autonomous-systems",
    [
      { asn: 13335, name: "Cloudflare" },
      { asn: 4200000000, name: "Private" },
    ],
  ],
  ["peering.internet-exchanges", [{ name: "PLIX", slug: "plix" }]],
  [
    "peering.ixp-connections",
    [{ internet_exchange: { slug: "plix" }, ipv4_address: "195.182.218.10", mac_address: "00:1c:73:00:00:01" }],
  ],
  ["dcim.manufacturers", [{ name: "Microsoft", slug: "microsoft" }]],
  ["assets.software", [{ name: "Windows Server 2022", manufacturer: { slug: "microsoft" } }]],
  ["assets.licences", [{ software: { name: "Windows Server 2022" }, niw: "LIC-0001", number_bought: 10 }]],
  [
    "assets.back-office-assets",
    [1, 2, 3].map((i) => ({ hostname: `laptop-${i}`, sn: `BO-SN-${i}`, warehouse: { name: "Warsaw store" } })),
  ],
  [
    "assets.base-object-licences",
    [{ licence: { niw: "LIC-0001" }, base_object: { name: "web-01.waw1" }, quantity: 2 }],
  ],
  ["assets.sim-cards", [{ card_number: "8948000000001", phone_number: "+48600000001" }]],
  ["assets.ssl-certificates", [{ name: "shop.example.com", date_from: "2026-01-01", date_to: "2027-01-01" }]],
  ["assets.domains", [{ name: "example.com" }]],
  ["assets.domain-contracts", [{ domain: { name: "example.com" }, registrar: "Gandi", expiration_date: "2027-06-01" }]],
  [
    "services.supports",
    [{ name: "Dell ProSupport", contract_id: "PS-1", date_to: "2028-01-01", assets: [{ name: "web-01.waw1" }] }],
  ],
];
