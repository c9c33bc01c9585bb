import fs from "node:fs";
import path from "node:path";

/** An .eml file's text with its parts decoded (base64 for mostly non-Latin text, quoted-printable otherwise). */
function readable(eml: string): string {
  const decoded = eml.replace(
    /Content-Transfer-Encoding: (base64|quoted-printable)\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)(?=\r?\n--|$)/gi,
    (_all, encoding: string, headers: string, body: string) =>
      `${headers}\n${
        encoding.toLowerCase() === "base64"
          ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
          : Buffer.from(
              body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
      }`,
  );
  return decoded;
}

/**
 * The newest mail to `address` that the server's file mailer wrote to DATA_DIR/outbox and that
 * matches, waited for (the outbox sends just after the page has answered), decoded.
 */
export async function mailTo(dataDir: string, address: string, matching: RegExp = /./): Promise<string> {
  const outbox = path.join(dataDir, "outbox");
  const find = () =>
    fs.existsSync(outbox)
      ? fs
          .readdirSync(outbox)
          .sort()
          .map((file) => readable(fs.readFileSync(path.join(outbox, file), "utf8")))
          .filter((text) => text.includes(`To: ${address}`) && matching.test(text))
          .at(-1)
      : undefined;
  // A loop rather than expect.poll, which works inside a test only (this runs in hooks too).
  const deadline = Date.now() + 15_000;
  for (let found = find(); ; found = find()) {
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${address} matching ${matching} within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The confirmation link in a mail (http://host/<locale>/verify-email/<token>). */
export const verifyLinkIn = (mail: string) => mail.match(/http:\/\/[^\s"<>]+\/\w\w\/verify-email\/[\w-]+/)?.[0] as string;
