/**
 * `npm run bench:nominations`: how long an institution administrator waits for the preview of a
 * nomination list, and for its confirmation, then how long the queued invitations take to leave
 * the outbox (to an in-memory mailer), in an in-memory PGlite, or on PostgreSQL with
 * DATABASE_URL naming a fresh, empty database. Of the rows, a fifth belong to existing accounts,
 * some already nominated, a few are broken. Prints figures; passes or fails nothing.
 * Option: --rows (5000).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/client.ts";
import { users } from "../src/domain/identity/schema.ts";
import { parseNominationFile } from "../src/domain/programmes/nomination-file.ts";
import { createLocalFileStorage } from "../src/infra/storage.ts";
import { createServices } from "../src/services.ts";
import { createCentre, createOrganisation } from "../tests/factories/network.ts";
import { createProgrammeWithCohort, nominationCsv } from "../tests/factories/programmes.ts";
import { createSignedInUser } from "../tests/factories/users.ts";
import { createMemoryMailer } from "../tests/support/runtime.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "5000" } } });
const rowCount = Number(values.rows);

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), "orbis-bench-files-"));
const mailer = createMemoryMailer();
const services = createServices({
  db: database.db,
  mailer,
  config: { publicUrl: "http://bench.test" },
  storage: createLocalFileStorage(filesDir),
});
try {
  await database.migrate();
  const runtime = { services, database };
  const centre = await createCentre(services, { country: "GH" });
  const institution = await createOrganisation(services, { country: "GH" });
  const { cohort } = await createProgrammeWithCohort(runtime, centre.id, { capacity: 100_000, institutionQuota: rowCount });
  const admin = await createSignedInUser(services, { roles: [{ role: "institution_admin", organisationId: institution.id }] });

  // A fifth of the addresses already have accounts (written in bulk: hashing each would take minutes).
  const emailOf = (i: number) => `person${i}@bench.example`;
  const existing = Math.floor(rowCount / 5);
  for (let start = 0; start < existing; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, existing - start) }, (_, k) => start + k);
    await database.db.insert(users).values(batch.map((i) => ({ email: emailOf(i), name: `Person ${i}`, passwordHash: "bench" })));
  }
  for (let i = 0; i < 50; i++) await services.programmes.nominate(admin, cohort.id, { name: `Person ${i}`, email: emailOf(i) }, "en");
  await services.notifications.deliverDue();

  const rows = Array.from({ length: rowCount }, (_, i) => [
    i % 500 === 7 ? "" : `Person ${i}`,
    i % 700 === 3 ? "not-an-email" : emailOf(i),
    "Dept",
    "Lecturer",
  ]);
  const bytes = nominationCsv(rows);

  const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now();
    const result = await work();
    return [result, performance.now() - started];
  };
  const [, parseMs] = await time(() => parseNominationFile(bytes));
  const [preview, previewMs] = await time(() =>
    services.programmes.previewNominations(admin, cohort.id, { fileName: "bench.csv", bytes }, "en"),
  );
  const [, againMs] = await time(() => services.programmes.getNominationPreview(admin, preview.uploadId, "en"));
  const [confirmed, confirmMs] = await time(() => services.programmes.confirmNominations(admin, preview.uploadId, "en"));
  // Confirming started the drain without waiting for it; this waits until all of it has gone.
  const [, deliverMs] = await time(() => services.notifications.deliverDue());

  const kb = (bytes.byteLength / 1024).toFixed(0);
  console.log(`Orbis nomination preview benchmark, ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${database.kind}`);
  console.log(`${rowCount} rows (${kb} KB CSV); ${existing} addresses with accounts, 50 already nominated\n`);
  console.log("| step | ms |");
  console.log("| --- | ---: |");
  console.log(`| parse the CSV | ${parseMs.toFixed(0)} |`);
  console.log(
    `| preview: parse, check every row, store the upload (${preview.validCount} valid, ${preview.problemCount} with problems) | ${previewMs.toFixed(0)} |`,
  );
  console.log(`| the stored preview again | ${againMs.toFixed(0)} |`);
  console.log(
    `| confirm: ${confirmed.nominated} nominations, ${confirmed.accountsCreated} accounts and queued invitations, in one transaction | ${confirmMs.toFixed(0)} |`,
  );
  console.log(`| after confirming, until the outbox has sent the ${mailer.sent.length} invitations | ${deliverMs.toFixed(0)} |`);
} finally {
  await services.notifications.stop();
  await database.close();
  fs.rmSync(filesDir, { recursive: true, force: true });
}
