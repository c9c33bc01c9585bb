import crypto from "node:crypto";
import bs58 from "bs58";

/** The multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ed25519Prefix = Uint8Array.of(0xed, 0x01);

/** Multikey encoding: "z" (base58btc) over the multicodec-prefixed raw key. */
export function encodePublicKey(raw: Uint8Array): string {
  if (raw.length !== 32) throw new Error("an Ed25519 public key has 32 bytes");
  return `z${bs58.encode(Uint8Array.from([...ed25519Prefix, ...raw]))}`;
}

/** The raw 32 bytes of a Multikey Ed25519 public key, or null when it is not one. */
export function decodePublicKey(multibase: string): Uint8Array | null {
  if (!multibase.startsWith("z") || multibase.length > 80) return null;
  let bytes: Uint8Array;
  try {
    bytes = bs58.decode(multibase.slice(1));
  } catch {
    return null;
  }
  if (bytes.length !== 34 || bytes[0] !== ed25519Prefix[0] || bytes[1] !== ed25519Prefix[1]) return null;
  return bytes.slice(2);
}

export function encodeSignature(signature: Uint8Array): string {
  return `z${bs58.encode(signature)}`;
}

export function decodeSignature(proofValue: string): Uint8Array | null {
  if (!proofValue.startsWith("z") || proofValue.length > 120) return null;
  try {
    const bytes = bs58.decode(proofValue.slice(1));
    return bytes.length === 64 ? bytes : null;
  } catch {
    return null;
  }
}

export type Ed25519Pair = { publicKey: Uint8Array; seed: Uint8Array };

export function generateKeyPair(): Ed25519Pair {
  const { privateKey } = crypto.generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  return { publicKey: Buffer.from(jwk.x ?? "", "base64url"), seed: Buffer.from(jwk.d ?? "", "base64url") };
}

export function signBytes(pair: Ed25519Pair, data: Uint8Array): Uint8Array {
  const key = crypto.createPrivateKey({
    format: "jwk",
    key: {
      kty: "OKP",
      crv: "Ed25519",
      x: Buffer.from(pair.publicKey).toString("base64url"),
      d: Buffer.from(pair.seed).toString("base64url"),
    },
  });
  return crypto.sign(null, data, key);
}

export function verifyBytes(publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = crypto.createPublicKey({
      format: "jwk",
      key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey).toString("base64url") },
    });
    return crypto.verify(null, data, key, signature);
  } catch {
    return false;
  }
}
