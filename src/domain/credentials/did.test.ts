import { describe, expect, test } from "vitest";
import { didWebUrl, organisationDid, rootDid } from "./did.ts";
import { decryptSeed, encryptSeed } from "./key-encryption.ts";
import { decodePublicKey, encodePublicKey, generateKeyPair } from "./multikey.ts";

describe("did:web", () => {
  test("a port is encoded as %3A and resolves back to the address", () => {
    expect(rootDid("https://orbis.example:8443")).toBe("did:web:orbis.example%3A8443");
    expect(organisationDid("http://localhost:3000", "kenya-centre")).toBe("did:web:localhost%3A3000:orgs:kenya-centre");
    expect(didWebUrl("did:web:orbis.example%3A8443")).toBe("https://orbis.example:8443/.well-known/did.json");
    expect(didWebUrl("did:web:orbis.example:orgs:kenya-centre")).toBe("https://orbis.example/orgs/kenya-centre/did.json");
    expect(didWebUrl("did:web:localhost%3A3000:orgs:x")).toBe("http://localhost:3000/orgs/x/did.json");
  });

  test("paths that would leave the DID's place are refused", () => {
    expect(didWebUrl("did:web:orbis.example:..:etc")).toBeNull();
    expect(didWebUrl("did:web:orbis.example:a%2Fb")).toBeNull();
    expect(didWebUrl("did:web:user@evil.example")).toBeNull();
    expect(didWebUrl("did:key:z6Mk")).toBeNull();
  });
});

describe("keys", () => {
  test("Multikey round-trips and starts z6Mk, as Ed25519 Multikeys do", () => {
    const { publicKey } = generateKeyPair();
    const encoded = encodePublicKey(publicKey);
    expect(encoded).toMatch(/^z6Mk/);
    expect(decodePublicKey(encoded)).toEqual(new Uint8Array(publicKey));
    expect(decodePublicKey("zNotAKey")).toBeNull();
  });

  test("a sealed private key opens only with the same secret and for the same public key", () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const { seed } = generateKeyPair();
    const sealed = encryptSeed(secret, seed, "z6MkA");
    expect(decryptSeed(secret, sealed, "z6MkA")).toEqual(Buffer.from(seed));
    expect(() => decryptSeed(crypto.getRandomValues(new Uint8Array(32)), sealed, "z6MkA")).toThrow();
    expect(() => decryptSeed(secret, sealed, "z6MkB")).toThrow();
  });
});
