import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eventInput } from "../../tests/factories/events.ts";
import { centreAdminOf, centreStaffOf, createCentre, secretariat } from "../../tests/factories/network.ts";
import { createSignedInUser } from "../../tests/factories/users.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../../tests/support/runtime.ts";
import { loadConfig } from "../config.ts";
import { mailOutbox } from "../domain/notifications/schema.ts";
import { createNotificationsService } from "../domain/notifications/service.ts";
import { createServices, type Services } from "../services.ts";
import { createMailer } from "./mailer.ts";
import { createLocalFileStorage } from "./storage.ts";

type Received = { from: string; to: string[]; raw: string };

let runtime: TestRuntime;
let server: SMTPServer;
const received: Received[] = [];
let port = 0;
/** Addresses the server refuses at RCPT TO, as a mailbox that does not exist. */
const refused = new Set<string>();
/** Addresses whose message the server takes in but does not acknowledge until `release()`. */
const slow = new Set<string>();
let hanging = 0;
let release = () => {};
let released = Promise.resolve();

beforeAll(async () => {
  runtime = await createTestRuntime();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address)) return callback();
      callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        if (to.some((address) => slow.has(address))) {
          hanging++;
          await released;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to,
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  release();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime?.close();
});

/** The decoded body of the MIME part whose headers contain `marker`. */
function mimePart(raw: string, marker: RegExp): string | undefined {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => marker.test(p.split(/\r?\n\r?\n/)[0] ?? ""));
  if (!part) return undefined;
  const [headers = "", ...body] = part.split(/\r?\n\r?\n/);
  const content = body.join("\r\n\r\n");
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return content.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return content;
}

describe("mail over real SMTP", () => {
  test("SMTP_URL sends the registration confirmation with its .ics attachment to an SMTP server", async () => {
    const config = loadConfig({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: "Orbis <events@orbis.test>",
      DATA_DIR: "/tmp/orbis-smtp-test",
    });
    const { events } = servicesOverSmtp(
      createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: "/tmp/orbis-smtp-test/outbox" }),
    );
    const centre = await createCentre(runtime.services, { country: "KG" });
    const event = await events.createEvent(
      secretariat(),
      eventInput(centre.id, runtime.clock.now, { title: "SMTP workshop", startsAt: "2031-11-26T14:00", endsAt: "2031-11-26T16:00" }),
      "en",
    );
    const person = await createSignedInUser(runtime.services);
    await events.register(person, event.id);

    // Nothing asks for it: the registration's notice goes to the outbox and on to the server in the background.
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000 });
    const [message] = received as [Received];
    expect(message.from).toBe("events@orbis.test");
    expect(message.to).toEqual([person.email]);
    expect(message.raw).toMatch(/^Subject: You are registered: SMTP workshop\r?$/m);
    expect(message.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST;/i);
    expect(message.raw).toContain("Content-Disposition: attachment; filename=smtp-workshop.ics");
    const ics = mimePart(message.raw, /text\/calendar/i);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART:20311126T080000Z");
    expect(ics).toContain(`UID:${event.id}@orbis\r\n`);
  });

  test("a message queued in the outbox reaches the SMTP server when the outbox is drained", async () => {
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: "Orbis <outbox@orbis.test>",
      outboxDir: "/tmp/orbis-smtp-test/outbox",
    });
    const outbox = createNotificationsService({ db: runtime.database.db, mailer, now: () => runtime.clock.now });
    await runtime.database.db.transaction((tx) =>
      outbox.enqueueMail(tx, {
        to: "queued@orbis.test",
        subject: "Вы приглашены",
        text: "Добро пожаловать",
        attachments: [{ filename: "note.txt", content: "kept as bytes", contentType: "text/plain" }],
      }),
    );
    const before = received.length;
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [message] = received.slice(before) as [Received];
    expect(received).toHaveLength(before + 1);
    expect(message.from).toBe("outbox@orbis.test");
    expect(message.to).toEqual(["queued@orbis.test"]);
    expect(message.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(mimePart(message.raw, /text\/plain; charset=utf-8/i)).toContain("Добро пожаловать");
    expect(mimePart(message.raw, /filename=note\.txt/i)).toBe("kept as bytes");
  });
});

/** The application's services over the test database, its mail going to the SMTP server above. */
function servicesOverSmtp(
  mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: "Orbis <events@orbis.test>",
    outboxDir: "/tmp/orbis-smtp-test/outbox",
  }),
): Services {
  return createServices({
    db: runtime.database.db,
    mailer,
    config: { publicUrl: "http://orbis.test" },
    storage: createLocalFileStorage(runtime.filesDir),
    now: () => runtime.clock.now,
  });
}

/** Everything the server's jobs would send now: owed event notices, due reminders, the outbox. */
async function drain(services: Services) {
  await services.events.noticesDelivered();
  await services.events.runMailJobs().catch(() => {});
  await services.notifications.deliverDue();
}

const receivedBy = (email: string) => received.filter((m) => m.to.includes(email));

describe("event notices when the mail server misbehaves", () => {
  test("an address the server refuses neither stops the others' notices nor makes them go twice", async () => {
    const services = servicesOverSmtp();
    const centre = await createCentre(runtime.services, { country: "KG" });
    const event = await services.events.createEvent(secretariat(), eventInput(centre.id, runtime.clock.now), "en");
    const people = [
      await createSignedInUser(runtime.services),
      await createSignedInUser(runtime.services),
      await createSignedInUser(runtime.services),
    ];
    refused.add(people[1]!.email);
    try {
      for (const person of people) await services.events.register(person, event.id);
      await drain(services);
      // The refused one is tried again later; the others must not be sent again with it.
      runtime.clock.advance(5 * 60_000);
      await drain(services);
    } finally {
      runtime.clock.advance(-5 * 60_000);
      refused.clear();
    }

    expect(people.map((p) => receivedBy(p.email).length)).toEqual([1, 0, 1]);
    const [kept] = await runtime.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, people[1]!.email));
    expect(kept).toMatchObject({ attempts: 2, sentAt: null, failedAt: null, lastError: expect.stringContaining("550") });
  });

  test("a mail server that hangs does not hold the database: registrations go on while a notice is being sent", async () => {
    const services = servicesOverSmtp();
    const centre = await createCentre(runtime.services, { country: "KG" });
    const event = await services.events.createEvent(secretariat(), eventInput(centre.id, runtime.clock.now), "en");
    const [first, second] = [await createSignedInUser(runtime.services), await createSignedInUser(runtime.services)];
    slow.add(first.email);
    released = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await services.events.register(first, event.id);
      await vi.waitFor(() => expect(hanging).toBe(1), { timeout: 10_000 });
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("the registration waited for the mail server")), 5_000));
      await expect(Promise.race([services.events.register(second, event.id), timeout])).resolves.toMatchObject({ status: "registered" });
    } finally {
      release();
      slow.clear();
    }
    await drain(services);
    expect([receivedBy(first.email).length, receivedBy(second.email).length]).toEqual([1, 1]);
  });

  test("an address refused on every attempt is given up after the last one, shown to staff, and sent once retried", async () => {
    const services = servicesOverSmtp();
    const centre = await createCentre(runtime.services, { country: "KG" });
    const otherCentre = await createCentre(runtime.services, { country: "GH" });
    const event = await services.events.createEvent(secretariat(), eventInput(centre.id, runtime.clock.now, {}, 24 * 30), "en");
    const [kept, refusedPerson] = [await createSignedInUser(runtime.services), await createSignedInUser(runtime.services)];
    refused.add(refusedPerson.email);
    let advanced = 0;
    try {
      for (const person of [kept, refusedPerson]) await services.events.register(person, event.id);
      // Ten attempts, the waits between them doubling from a minute: under nine hours in all.
      for (let round = 0; round < 12; round++) {
        await drain(services);
        runtime.clock.advance(5 * 60 * 60_000);
        advanced += 5 * 60 * 60_000;
      }
    } finally {
      runtime.clock.advance(-advanced);
      refused.clear();
    }
    expect([receivedBy(kept.email).length, receivedBy(refusedPerson.email).length]).toEqual([1, 0]);
    const [row] = await runtime.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, refusedPerson.email));
    expect(row).toMatchObject({
      attempts: 10,
      sentAt: null,
      failedAt: expect.any(Date),
      lastError: expect.stringContaining("550"),
      centreId: centre.id,
    });

    // The secretariat and the centre's administrators see it; another centre's do not, staff and learners may not look.
    const listed = await services.notifications.listFailedMail(secretariat());
    expect(listed.items.map((m) => m.to)).toContain(refusedPerson.email);
    expect((await services.notifications.listFailedMail(centreAdminOf(centre.id))).items.map((m) => m.id)).toEqual([row!.id]);
    expect((await services.notifications.listFailedMail(centreAdminOf(otherCentre.id))).items).toEqual([]);
    await expect(services.notifications.listFailedMail(centreStaffOf(centre.id))).rejects.toMatchObject({ status: 403 });
    await expect(services.notifications.retryFailedMail(centreAdminOf(otherCentre.id), row!.id)).rejects.toMatchObject({ status: 404 });

    // Over the API: the page of failed mail in the documented shape, then a retry that sends it.
    const app = await createTestApp({ ...runtime, services });
    try {
      const admin = await createSignedInUser(runtime.services, { roles: [{ role: "centre_admin", organisationId: centre.id }] });
      const session = await runtime.services.identity.createApiToken(admin, { name: "failed mail" });
      const headers = { authorization: `Bearer ${session.token}` };
      const page = await app.inject({ method: "GET", url: "/api/v1/mail/failed", headers });
      expect(page.statusCode).toBe(200);
      expect(page.json()).toMatchObject({ total: 1, items: [{ id: row!.id, to: refusedPerson.email, attempts: 10 }] });
      const anonymous = await app.inject({ method: "GET", url: "/api/v1/mail/failed" });
      expect(anonymous.statusCode).toBe(401);
      const retried = await app.inject({ method: "POST", url: `/api/v1/mail/failed/${row!.id}/retry`, headers });
      expect(retried.statusCode).toBe(204);
      await vi.waitFor(() => expect(receivedBy(refusedPerson.email)).toHaveLength(1), { timeout: 10_000 });
      expect((await services.notifications.listFailedMail(secretariat())).items.map((m) => m.id)).not.toContain(row!.id);
    } finally {
      await app.close();
    }
  });
});
