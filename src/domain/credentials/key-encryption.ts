import crypto from "node:crypto";

/**
 * Private keys at rest: AES-256-GCM under the secret from configuration, bound to the public key
 * as associated data so a ciphertext moved to another key's row does not decrypt.
 */
export function encryptSeed(secret: Uint8Array, seed: Uint8Array, publicKeyMultibase: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secret, iv);
  cipher.setAAD(Buffer.from(publicKeyMultibase));
  const ciphertext = Buffer.concat([cipher.update(seed), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSeed(secret: Uint8Array, sealed: string, publicKeyMultibase: string): Uint8Array {
  const [version, iv = "", tag = "", ciphertext = ""] = sealed.split(".");
  if (version !== "v1") throw new Error("unknown private key encoding");
  const decipher = crypto.createDecipheriv("aes-256-gcm", secret, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(publicKeyMultibase));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
}
