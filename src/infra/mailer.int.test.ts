import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { eventInput } from "../../tests/factories/events.ts";
import { createCentre, secretariat } from "../../tests/factories/network.ts";
import { createSignedInUser } from "../../tests/factories/users.ts";
import { createTestRuntime, type TestRuntime } from "../../tests/support/runtime.ts";
import { loadConfig } from "../config.ts";
import { createEventsService } from "../domain/events/service.ts";
import { createNotificationsService } from "../domain/notifications/service.ts";
import { createMailer } from "./mailer.ts";

type Received = { from: string; to: string[]; raw: string };

let runtime: TestRuntime;
let server: SMTPServer;
const received: Received[] = [];
let port = 0;

beforeAll(async () => {
  runtime = await createTestRuntime();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
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
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir: "/tmp/orbis-smtp-test/outbox" });
    const events = createEventsService({ db: runtime.database.db, mailer, publicUrl: "http://orbis.test", now: () => runtime.clock.now });
    const centre = await createCentre(runtime.services, { country: "KG" });
    const event = await events.createEvent(
      secretariat(),
      eventInput(centre.id, runtime.clock.now, { title: "SMTP workshop", startsAt: "2031-11-26T14:00", endsAt: "2031-11-26T16:00" }),
      "en",
    );
    const person = await createSignedInUser(runtime.services);
    await events.register(person, event.id);

    // The confirmation leaves after the registration commits, without the request waiting for it.
    await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 10_000 });
    const [message] = received as [Received];
    expect(message.from).toBe("events@orbis.test");
    expect(message.to).toEqual([person.email]);
    expect(message.raw).toMatch(/^Subject: You are registered: SMTP workshop\r?$/m);
    expect(message.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH;/i);
    expect(message.raw).toContain("Content-Disposition: attachment; filename=smtp-workshop.ics");
    const ics = mimePart(message.raw, /text\/calendar/i);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART:20311126T080000Z");
    expect(ics).toContain(`UID:${event.id}@orbis.test`);
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
