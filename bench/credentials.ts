/**
 * `npm run bench:credentials`: a bulk issue of course credentials to --people (1000) people by one
 * organisation, each signed (eddsa-rdfc-2022) in its own transaction as a completion would be, on
 * an in-memory PGlite; then --verify (200) of them verified through the service (format, schema,
 * DID, proof, dates, status list). Prints credentials signed per second and verification p50/p95.
 */
import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/client.ts";
import { users } from "../src/db/schema.ts";
import type { IssueCredentialInput } from "../src/domain/credentials/dto.ts";
import { createLocalFileStorage } from "../src/infra/storage.ts";
import { createServices } from "../src/services.ts";
import { createCentre } from "../tests/factories/network.ts";

const { values } = parseArgs({ options: { people: { type: "string", default: "1000" }, verify: { type: "string", default: "200" } } });
const people = Number(values.people);
const verifications = Number(values.verify);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const database = await openDatabase({});
await database.migrate();
const services = createServices({
  db: database.db,
  mailer: { async send() {} },
  config: { publicUrl: "https://orbis.example" },
  storage: createLocalFileStorage("/tmp/orbis-bench-credentials-files"),
  keySecret: crypto.randomBytes(32),
  remote: async () => null,
});
const centre = await createCentre(services);
// People are written directly: hashing 1,000 passwords would measure argon2, not credentials.
const ids = Array.from({ length: people }, () => crypto.randomUUID());
await database.db
  .insert(users)
  .values(ids.map((id, n) => ({ id, email: `bench-${n}@orbis.example`, name: `Bench ${n}`, passwordHash: "x" })));

const input = (userId: string): IssueCredentialInput => ({
  sourceKey: `bench:${userId}`,
  issuerOrganisationId: centre.id,
  recipientUserId: userId,
  achievement: {
    key: "bench-course",
    achievementType: "Course",
    language: "en",
    name: { en: "Digital pedagogy for higher education" },
    description: { en: "A course of the Orbis network, completed online." },
    criteriaNarrative: { en: "Completed every required lesson of the course." },
    alignments: [{ targetName: "DL.1", targetUrl: "https://orbis.example/ims/case/v1p0/CFItems/DL.1", targetCode: "DL.1" }],
  },
  validFrom: new Date(),
  validUntil: null,
  evidence: [],
});

const started = performance.now();
const issued: string[] = [];
for (const id of ids) {
  const { credentialId } = await database.db.transaction((tx) => services.credentials.issueInTransaction(tx, input(id)));
  issued.push(credentialId);
}
const seconds = (performance.now() - started) / 1000;

const timings: number[] = [];
let verified = 0;
for (const id of issued.slice(0, verifications)) {
  const { document } = await services.credentials.getCredential(
    { userId: ids[issued.indexOf(id)] ?? "", email: "", name: "", locale: "en", roles: [] },
    id,
    "en",
  );
  const t0 = performance.now();
  const report = await services.credentials.verifyCredential(document);
  timings.push(performance.now() - t0);
  if (report.verified) verified++;
}
timings.sort((a, b) => a - b);
console.log(
  `bulk issue: ${people} credentials in ${seconds.toFixed(1)} s = ${(people / seconds).toFixed(1)} signed/s (PGlite, one transaction each)`,
);
console.log(
  `verification: ${timings.length} credentials, ${verified} valid; p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms`,
);
await database.close();
if (verified !== timings.length) process.exit(1);
