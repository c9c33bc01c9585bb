import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
};

export type Mailer = { send(message: MailMessage): Promise<void> };

/**
 * Every message Orbis sends is written by a machine: RFC 3834's header keeps vacation responders
 * and other robots from answering it.
 */
const headers = { "Auto-Submitted": "auto-generated" };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The HTML part of a text mail: the same words, paragraphs kept, web addresses made links, the
 * text's own direction (`dir="auto"`: an Arabic mail reads right to left). Mail clients that
 * show HTML first get a readable message rather than a wall of wrapped text.
 */
export function htmlOf(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) =>
      escapeHtml(block)
        .replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, "<br>\n"),
    )
    .map((block) => `<p dir="auto">${block}</p>`);
  return `<!doctype html>\n<html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs.join("\n")}\n</body></html>\n`;
}

/** Written beside the target and renamed onto it: a full disk or a crash leaves no half-written file under the real name. */
async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, content, { flush: true });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Real SMTP when SMTP_URL is set; otherwise each message is written as an .eml file to the
 * outbox folder, so a laptop install needs no mail server and nothing is lost. Mail that goes
 * with a change of data is queued in the database instead (src/domain/notifications), and the
 * outbox's deliverer calls `send`. Every message has a plain-text and an HTML part.
 */
export function createMailer(options: { smtpUrl?: string | undefined; from: string; outboxDir: string }): Mailer {
  const full = (message: MailMessage) => ({ from: options.from, headers, html: message.html ?? htmlOf(message.text), ...message });
  if (options.smtpUrl) {
    // Bounded waits: the outbox hides a claimed message from other servers for a limited lease,
    // so a send must not hang for nodemailer's default ten minutes of silence.
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    return {
      async send(message) {
        await transport.sendMail(full(message));
      },
    };
  }
  // CRLF line ends, as RFC 5322 has them: an .eml file is handed to mail tools as it is.
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(message) {
      const info = await transport.sendMail(full(message));
      await fs.mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomUUID().slice(0, 8)}.eml`;
      await writeAtomically(path.join(options.outboxDir, name), info.message as Buffer);
    },
  };
}
