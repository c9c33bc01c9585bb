import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { createMailer, htmlOf } from "./mailer.ts";

const dirs: string[] = [];
async function outboxDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "orbis-mailer-"));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

describe("mail written as .eml files", () => {
  const message = {
    to: "aigul@example.kg",
    subject: "Вы зарегистрированы",
    text: "Здравствуйте!\n\nПодробности: https://orbis.example/ru/events/x?a=1&b=2\nДо встречи <3",
  };

  test("CRLF lines, a text and an HTML part, marked as written by a machine", async () => {
    const dir = await outboxDir();
    await createMailer({ from: "Orbis <no-reply@orbis.test>", outboxDir: dir }).send(message);
    const [name] = await fs.readdir(dir);
    expect(name).toMatch(/\.eml$/);
    const raw = await fs.readFile(path.join(dir, name!), "utf8");
    expect(raw.replace(/\r\n/g, "")).not.toContain("\n");
    expect(raw).toMatch(/^Auto-Submitted: auto-generated\r$/m);
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
  });

  test("a failed write leaves no .eml behind, whole or empty, and no temporary file", async () => {
    const dir = await outboxDir();
    vi.spyOn(fs, "rename").mockRejectedValueOnce(Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" }));
    await expect(createMailer({ from: "Orbis <no-reply@orbis.test>", outboxDir: dir }).send(message)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  test("the HTML part escapes the text, keeps paragraphs and links addresses", () => {
    const html = htmlOf(message.text);
    expect(html).toContain('<p dir="auto">Здравствуйте!</p>');
    expect(html).toContain('<a href="https://orbis.example/ru/events/x?a=1&amp;b=2">');
    expect(html).toContain("До встречи &lt;3");
    expect(htmlOf('<script>alert("x")</script>')).not.toContain("<script>");
  });
});
