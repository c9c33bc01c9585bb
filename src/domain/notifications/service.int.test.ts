import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMemoryMailer, createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";
import { openDatabase } from "../../db/client.ts";
import type { Mailer, MailMessage } from "../../infra/mailer.ts";
import { LEASE_MS } from "./delivery.ts";
import { mailOutbox } from "./schema.ts";
import { createNotificationsService } from "./service.ts";

let runtime: TestRuntime;

beforeAll(async () => {
  runtime = await createTestRuntime();
});

afterAll(async () => {
  await runtime?.close();
});

const mail = (to: string, extra: Partial<MailMessage> = {}): MailMessage => ({ to, subject: `For ${to}`, text: "Hello", ...extra });
const rowFor = async (to: string) => (await runtime.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)))[0]!;

/** An outbox of its own over the test database, with its own mailer and the runtime's clock. */
function outboxWith(mailer: Mailer, retry = { maxAttempts: 3, firstDelayMs: 60_000 }) {
  return createNotificationsService({ db: runtime.database.db, mailer, now: () => runtime.clock.now, retry });
}

describe("the mail outbox", () => {
  it("sends what a committed transaction queued, attachments intact, and nothing of a rolled-back one", async () => {
    const mailer = createMemoryMailer();
    const outbox = outboxWith(mailer);
    const { db } = runtime.database;
    await expect(
      db.transaction(async (tx) => {
        await outbox.enqueueMail(tx, [mail("rolled-back@outbox.test"), mail("rolled-back-too@outbox.test")]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    await db.transaction(async (tx) => {
      await outbox.enqueueMail(
        tx,
        mail("committed@outbox.test", {
          html: "<p>Hello</p>",
          attachments: [{ filename: "a.ics", content: ics, contentType: "text/calendar" }],
        }),
      );
    });

    // Texts reach the database as array parameters: what an array literal treats specially must survive.
    const awkward = { to: "awkward@outbox.test", subject: "NULL", text: 'a "quoted", {braced} back\\slash\nline, «ملاحظة»' };
    await outbox.enqueueMail(db, awkward);

    expect(await outbox.deliverDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(mailer.sent.map((m) => m.to).sort()).toEqual([awkward.to, "committed@outbox.test"]);
    expect(mailer.sent.find((m) => m.to === awkward.to)).toEqual(awkward);
    const sent = mailer.sent.find((m) => m.to === "committed@outbox.test")!;
    expect(sent).toMatchObject({ to: "committed@outbox.test", subject: "For committed@outbox.test", text: "Hello", html: "<p>Hello</p>" });
    expect(sent.attachments?.map((a) => [a.filename, a.contentType, a.content.toString()])).toEqual([["a.ics", "text/calendar", ics]]);
    expect(await rowFor("committed@outbox.test")).toMatchObject({ attempts: 1, sentAt: runtime.clock.now, lastError: null });
    // Sent once: the next drain finds nothing.
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("retries a failed send after a doubling wait, then sends it", async () => {
    let failures = 2;
    const sent: MailMessage[] = [];
    const outbox = outboxWith({
      async send(message) {
        if (failures-- > 0) throw new Error("451 try again later");
        sent.push(message);
      },
    });
    await outbox.enqueueMail(runtime.database.db, mail("flaky@outbox.test"));
    const start = runtime.clock.now.getTime();

    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await rowFor("flaky@outbox.test")).toMatchObject({ attempts: 1, lastError: "451 try again later", sentAt: null });
    expect((await rowFor("flaky@outbox.test")).nextAttemptAt.getTime()).toBe(start + 60_000);
    // Not due yet: nothing is tried.
    runtime.clock.advance(59_000);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    runtime.clock.advance(1_000);
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rowFor("flaky@outbox.test")).nextAttemptAt.getTime()).toBe(start + 60_000 + 120_000);

    runtime.clock.advance(120_000);
    expect(await outbox.deliverDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent.map((m) => m.to)).toEqual(["flaky@outbox.test"]);
    expect(await rowFor("flaky@outbox.test")).toMatchObject({ attempts: 3, sentAt: runtime.clock.now });
  });

  it("leaves a message failed, with its error, after the last attempt, and tries it no more", async () => {
    const send = vi.fn(async () => {
      throw new Error("550 mailbox unavailable");
    });
    const outbox = outboxWith({ send });
    await outbox.enqueueMail(runtime.database.db, mail("nobody@outbox.test"));
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: attempt < 3 ? 1 : 0, failed: attempt < 3 ? 0 : 1 });
      runtime.clock.advance(24 * 60 * 60_000);
    }
    expect(await outbox.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(send).toHaveBeenCalledTimes(3);
    const row = await rowFor("nobody@outbox.test");
    expect(row).toMatchObject({ attempts: 3, sentAt: null, lastError: "550 mailbox unavailable" });
    expect(row.failedAt).toBeInstanceOf(Date);
  });

  it("never sends a message twice when drains run at the same time, in one process or several", async () => {
    const slowMailer = () => {
      const sent: string[] = [];
      return {
        sent,
        async send(message: MailMessage) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          sent.push(message.to);
        },
      };
    };
    // Two services stand for two servers: each has its own in-process guard and its own
    // connections, so they meet only in the database's row locks.
    const [first, second] = [slowMailer(), slowMailer()];
    const servers = [outboxWith(first), outboxWith(second)];
    const addresses = Array.from({ length: 150 }, (_, i) => `race${i}@outbox.test`);
    await servers[0]!.enqueueMail(
      runtime.database.db,
      addresses.map((to) => mail(to)),
    );

    const reports = await Promise.all([servers[0]!.deliverDue(), servers[1]!.deliverDue(), servers[0]!.deliverDue()]);
    const all = [...first.sent, ...second.sent];
    expect(all.sort()).toEqual([...addresses].sort());
    expect(reports[0]!.sent + reports[1]!.sent).toBe(150);
    // The third call joined the first server's drain instead of running beside it.
    expect(reports[2]).toBe(reports[0]);
    if (runtime.database.kind === "postgres") {
      // On PostgreSQL the two really ran in parallel: both sent a share.
      expect(first.sent.length).toBeGreaterThan(0);
      expect(second.sent.length).toBeGreaterThan(0);
    }
    const rows = await runtime.database.db.select().from(mailOutbox).where(inArray(mailOutbox.to, addresses));
    expect(rows.every((r) => r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it("delivers after a commit without the caller waiting, and a broken database only gets reported", async () => {
    const mailer = createMemoryMailer();
    const outbox = outboxWith(mailer);
    await runtime.database.db.transaction((tx) => outbox.enqueueMail(tx, mail("soon@outbox.test")));
    outbox.deliverSoon();
    expect(mailer.sent).toHaveLength(0);
    await vi.waitFor(() => expect(mailer.sent.map((m) => m.to)).toEqual(["soon@outbox.test"]), { timeout: 10_000 });

    // A database server that is not there: the drain fails, and the failure goes to the reporter.
    const broken = await openDatabase({ databaseUrl: "postgres://127.0.0.1:1/gone" });
    try {
      const reportError = vi.fn();
      const lost = createNotificationsService({ db: broken.db, mailer, reportError });
      lost.deliverSoon();
      await vi.waitFor(() => expect(reportError).toHaveBeenCalledTimes(1), { timeout: 10_000 });
      expect(String(reportError.mock.calls[0]![0])).toMatch(/mail_outbox|ECONNREFUSED/);
      await lost.stop();
    } finally {
      await broken.close();
    }
  });

  it("after a process dies mid-batch, another takes up the rest within minutes and sends nothing twice", async () => {
    const { db } = runtime.database;
    const addresses = ["crash-1@outbox.test", "crash-2@outbox.test", "crash-3@outbox.test"];
    // The first process sends one message, then hangs for good on the second: it has died.
    const delivered: string[] = [];
    let sends = 0;
    const dying: Mailer = {
      async send(message) {
        if (++sends > 1) return new Promise<void>(() => {});
        delivered.push(message.to);
      },
    };
    await outboxWith(dying).enqueueMail(
      db,
      addresses.map((to) => mail(to)),
    );
    void outboxWith(dying).deliverDue();
    await vi.waitFor(() => expect(sends).toBe(2));
    await vi.waitFor(async () => expect((await rowFor(delivered[0]!)).sentAt).not.toBeNull());

    const survivor = createMemoryMailer();
    runtime.clock.advance(LEASE_MS - 60_000);
    expect(await outboxWith(survivor).deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    runtime.clock.advance(60_000);
    await outboxWith(survivor).deliverDue();
    runtime.clock.advance(-LEASE_MS);
    expect(LEASE_MS).toBeLessThanOrEqual(5 * 60_000);
    expect(delivered).toHaveLength(1);
    // The message being sent when the process died may have gone or not: it is tried again (at least once beats never).
    expect(survivor.sent.map((m) => m.to).sort()).toEqual(addresses.filter((a) => a !== delivered[0]));
  });
});
