import { direction, isLocale, type Locale, negotiateLocale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";

function localeOf(url: URL, acceptLanguage: string | null): Locale {
  const first = url.pathname.split("/")[1];
  return isLocale(first) ? first : negotiateLocale(acceptLanguage);
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal page of its own, for requests turned away before any route runs (so the app's
 * layout has no data to show): a translated title and a link back to the form's page.
 */
export function plainRefusalPage(url: URL, acceptLanguage: string | null, titleId: MessageId): { html: string; locale: Locale } {
  const locale = localeOf(url, acceptLanguage);
  const t = translatorFor(locale);
  const title = t(titleId);
  const back = url.pathname.replace(/\.data$/, "");
  const html = `<!doctype html><html lang="${locale}" dir="${direction(locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p><a href="${escapeHtml(back)}">${escapeHtml(t("identity.csrf.reload"))}</a></p></main></body></html>`;
  return { html, locale };
}
