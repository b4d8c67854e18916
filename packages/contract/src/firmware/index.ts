import { firmware } from "./firmware";
import { osImages } from "./os-images";

export { FirmwareType } from "./firmware";
export { Arch } from "./os-images";

/** Images applied to servers: firmware (`update_firmware`) and operating systems (`deploy_os`). */
export const firmwareApp = { firmware, osImages } as const;
