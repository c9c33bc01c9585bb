import type { FastifyInstance } from "fastify";
import type { Config } from "../config.ts";
import { locales } from "../i18n/locales.ts";

/** RFC 9116 wants an end date under a year ahead; the file is made from the settings on each request, so it is always current. */
const EXPIRES_AFTER_DAYS = 180;

/** The text of /.well-known/security.txt (RFC 9116) for these settings at this moment. */
export function securityTxt(config: Pick<Config, "publicUrl" | "security">, at: Date): string {
  const expires = new Date(at.getTime() + EXPIRES_AFTER_DAYS * 86_400_000);
  expires.setUTCHours(0, 0, 0, 0);
  const lines = [
    ...config.security.contacts.map((contact) => `Contact: ${contact}`),
    `Expires: ${expires.toISOString().replace(".000Z", "Z")}`,
    `Preferred-Languages: ${locales.join(", ")}`,
    `Canonical: ${config.publicUrl}/.well-known/security.txt`,
    ...(config.security.policyUrl ? [`Policy: ${config.security.policyUrl}`] : []),
  ];
  return `${lines.join("\n")}\n`;
}

/** Served only when SECURITY_CONTACT is set: a file without a contact would say nothing useful. */
export async function securityTxtRoute(app: FastifyInstance, options: { config: Config }) {
  const { config } = options;
  if (!config.security.contacts.length) return;
  app.get("/.well-known/security.txt", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/plain; charset=utf-8").header("cache-control", "public, max-age=86400").send(securityTxt(config, new Date())),
  );
}
