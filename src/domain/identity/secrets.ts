import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Sessions, API tokens and reset links are stored only as this hash of their secret. */
export const sha256 = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

/** 256 random bits, URL-safe: session tokens, API tokens, reset links. */
export const newSecret = () => crypto.randomBytes(32).toString("base64url");

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export const passwordMatches = (passwordHash: string, password: string) => verify(passwordHash, password);
