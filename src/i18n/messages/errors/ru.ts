import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.validation_failed": "Некоторые поля заполнены неверно. Исправьте их и попробуйте снова.",
  "error.not_found": "Не найдено.",
  "error.unauthenticated": "Войдите, чтобы продолжить.",
  "error.forbidden": "У вас нет прав на это действие.",
  "error.conflict": "Это противоречит существующим данным.",
  "error.duplicate_name": "Организация с таким названием уже существует.",
  "error.duplicate_slug": "Этот адрес (slug) уже занят.",
  "error.duplicate_email": "Учётная запись с этим адресом электронной почты уже существует.",
  "error.invalid_credentials": "Неверный адрес электронной почты или пароль.",
  "error.rate_limited":
    "Слишком много попыток. Подождите {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}} и попробуйте снова.",
  "error.invalid_token": "Ссылка или токен недействительны или устарели.",
  "error.csrf_failed": "Срок действия формы истёк. Обновите страницу и попробуйте снова.",
  "error.in_use": "Объект ещё используется и не может быть удалён.",
  "error.already_enrolled": "Вы уже записаны на этот курс.",
  "error.not_enrolled": "Сначала запишитесь на этот курс.",
  "error.no_attempts_left": "Вы использовали все попытки пройти этот тест.",
  "error.already_registered": "Вы уже зарегистрированы на это мероприятие (или стоите в листе ожидания).",
  "error.registration_closed": "Регистрация на это мероприятие сейчас не открыта.",
  "error.event_cancelled": "Это мероприятие отменено.",
  "error.course_published": "Эта версия опубликована и не может быть изменена. Чтобы внести правки, создайте новую версию курса.",
  "error.framework_not_draft":
    "Эта версия рамки {status, select, published {опубликована} superseded {заменена новой} other {{status}}} и не может быть изменена. Создайте новую версию, чтобы её редактировать.",
  "error.wrong_status":
    "Это невозможно, пока курс {status, select, draft {в черновике} in_review {на рецензии} published {опубликован} archived {в архиве} other {{status}}}.",
  "error.derivatives_forbidden": "Лицензия этого курса ({licence}) не разрешает адаптации.",
  "error.payload_too_large": "Слишком большой запрос.",
  "error.length_required": "В запросе должна быть указана его длина (Content-Length).",
  "error.bad_request": "Некорректный запрос.",
  "error.unsupported_media_type": "Этот тип содержимого не поддерживается.",
  "error.internal": "Произошла непредвиденная ошибка. Она записана в журнал.",
  "error.unknown_organisation": "Такой организации не существует.",
  "validation.slug": "Используйте строчные латинские буквы, цифры и одиночные дефисы.",
  "validation.countryCode": "Укажите двухбуквенный код страны, например KG.",
  "validation.partialDate": "Укажите год, год и месяц или полную дату: 2025, 2025-11 или 2025-11-26.",
  "validation.languageCode": "Укажите код языка, например ru или ar.",
  "validation.timeZone": "Выберите часовой пояс из списка, например Asia/Bishkek.",
  "error.token_scope":
    "Область действия этого API-токена не позволяет это сделать. Войдите в систему или используйте токен с более широкой областью.",
  "error.own_work": "Это нельзя делать со своей собственной работой: это должен сделать кто-то другой (разделение обязанностей).",
} satisfies Catalogue<typeof en>;
