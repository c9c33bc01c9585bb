import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.service_unavailable": "Сервис временно недоступен. Попробуйте ещё раз чуть позже.",
  "error.request_timeout": "Запрос передавался слишком долго. Попробуйте ещё раз.",
  "error.cross_site_request":
    "Этот запрос пришёл с другого сайта и отклонён. Скриптам следует использовать личный API-токен (Authorization: Bearer).",
  "error.headers_too_large": "Адрес или заголовки запроса слишком длинные.",
  "error.uri_too_long": "Адрес запроса слишком длинный.",
  "http.invalidText": "Уберите из этого текста управляющие символы (например, NUL).",
  "http.page.badRequest.title": "Не удаётся прочитать этот запрос",
  "http.page.badRequest.body": "Адрес или форма содержали недопустимые символы. Вернитесь назад и попробуйте ещё раз.",
  "http.page.unavailable.title": "Orbis временно недоступен",
  "http.page.unavailable.body": "Попробуйте ещё раз через минуту.",
} satisfies Catalogue<typeof en>;
