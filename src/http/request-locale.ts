import type { FastifyRequest } from "fastify";
import { isLocale, type Locale, negotiateLocale } from "../i18n/locales.ts";

/** API messages follow ?lang= when given, else Accept-Language. */
export function requestLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLocale(lang)) return lang;
  const fromPath = request.url.split("/")[1];
  if (isLocale(fromPath)) return fromPath;
  return negotiateLocale(request.headers["accept-language"]);
}
