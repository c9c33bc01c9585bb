import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { keySecretBytes } from "../config.ts";

export const keySecretFile = (dataDir: string) => path.join(dataDir, "credentials-key-secret");

/**
 * The secret that encrypts credential signing keys: CREDENTIALS_KEY_SECRET, else the one kept in
 * DATA_DIR, else a new one written there (readable by its owner only). Losing it loses every
 * signing key, so a new one is announced with a reminder to back it up.
 */
export function resolveKeySecret(
  config: { credentialsKeySecret: Buffer | undefined; dataDir: string },
  warn: (message: string) => void,
): Buffer {
  if (config.credentialsKeySecret) return config.credentialsKeySecret;
  const file = keySecretFile(config.dataDir);
  if (fs.existsSync(file)) {
    const secret = keySecretBytes(fs.readFileSync(file, "utf8").trim());
    if (secret.length !== 32) throw new Error(`${file} does not hold 32 bytes`);
    return secret;
  }
  const secret = crypto.randomBytes(32);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  warn(
    `Generated the credential key secret in ${file}. Back it up (or set CREDENTIALS_KEY_SECRET): without it the signing keys of issued credentials cannot be used.`,
  );
  return secret;
}
