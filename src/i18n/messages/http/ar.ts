import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.service_unavailable": "الخدمة غير متاحة مؤقتًا. يُرجى المحاولة مرة أخرى بعد قليل.",
  "error.request_timeout": "استغرق وصول الطلب وقتًا طويلًا. يُرجى المحاولة مرة أخرى.",
  "error.cross_site_request": "جاء هذا الطلب من موقع آخر فرُفض. ينبغي للبرامج النصية استخدام رمز API شخصي (Authorization: Bearer).",
  "error.headers_too_large": "عنوان الطلب أو ترويساته طويلة جدًا.",
  "error.uri_too_long": "عنوان الطلب طويل جدًا.",
  "http.invalidText": "احذف أحرف التحكم (مثل NUL) من هذا النص.",
  "http.page.badRequest.title": "تعذّرت قراءة هذا الطلب",
  "http.page.badRequest.body": "احتوى العنوان أو النموذج على أحرف غير مسموح بها. ارجع وحاول مرة أخرى.",
  "http.page.unavailable.title": "Orbis غير متاح مؤقتًا",
  "http.page.unavailable.body": "يُرجى المحاولة مرة أخرى بعد دقيقة.",
} satisfies Catalogue<typeof en>;
