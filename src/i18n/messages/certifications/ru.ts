import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "certifications.field.slugTaken": "Этот адрес уже занят другой сертификацией.",
  "certifications.field.unknownOwner": "Такой организации нет.",
  "certifications.field.ownLanguage": "Это исходный язык сертификации; измените её тексты там.",
  "certifications.field.duplicateKey": "У каждого условия должен быть свой ключ.",
  "certifications.field.impossibleGroup": "Группа требует больше условий, чем в ней есть.",
  "certifications.field.notAssessed": "Для этого условия не нужны подтверждения.",
  "certifications.field.scoreMissing": "Оцените каждый критерий.",
  "certifications.field.belowPassMark": "Сумма баллов {total}; для одобрения нужно не меньше {passMark}.",
  "certifications.field.unknownCohort": "Такого потока нет.",
  "certifications.email.awarded.subject": "Вам присвоена сертификация: {title}",
  "certifications.email.awarded.body":
    "Здравствуйте, {name}!\n\nПоздравляем: вам присвоена сертификация «{title}».{hasExpiry, select, yes { Она действует до {until}.} other {}}\n\nПосмотреть: {link}",
  "certifications.email.expiring.subject": "Срок вашей сертификации истекает {until}: {title}",
  "certifications.email.expiring.body":
    "Здравствуйте, {name}!\n\nСрок сертификации «{title}» истекает {until}. Чтобы продлить её, выполните условия снова; на странице прогресса видно, что осталось:\n\n{link}",
  "certifications.field.alreadyDecided": "Эксперт уже принял решение по этому подтверждению.",
  "certifications.field.wrongAwardStatus":
    "Это нельзя сделать с сертификацией в состоянии «{status, select, active {действует} suspended {приостановлена} revoked {отозвана} other {{status}}}».",
  "certifications.field.alreadyConfirmed": "Этот список уже подтверждён.",
} as const satisfies Catalogue<typeof en>;
