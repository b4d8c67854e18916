import { configFromEnv } from "../config";
import { SecretBox } from "./box";

let current: SecretBox | undefined;

/**
 * The process's box: set by the server at start from its config; elsewhere (CLI
 * commands, jobs run outside a server) loaded on first use from the environment,
 * with the same settings.
 */
export const secretBox = (): SecretBox => {
  current ??= SecretBox.fromSettings(configFromEnv().secretKeys);
  return current;
};

export const setSecretBox = (b: SecretBox) => {
  current = b;
};
