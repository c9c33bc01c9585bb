import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "input.required": "Заполните это поле.",
  "input.tooShort":
    "{minimum, plural, one {Не меньше # символа.} few {Не меньше # символов.} many {Не меньше # символов.} other {Не меньше # символа.}}",
  "input.tooLong":
    "{maximum, plural, one {Не больше # символа.} few {Не больше # символов.} many {Не больше # символов.} other {Не больше # символа.}}",
  "input.tooSmall": "Укажите {minimum} или больше.",
  "input.tooBig": "Укажите {maximum} или меньше.",
  "input.tooFew":
    "{minimum, plural, one {Добавьте хотя бы # элемент.} few {Добавьте хотя бы # элемента.} many {Добавьте хотя бы # элементов.} other {Добавьте хотя бы # элемента.}}",
  "input.tooMany":
    "{maximum, plural, one {Оставьте не больше # элемента.} few {Оставьте не больше # элементов.} many {Оставьте не больше # элементов.} other {Оставьте не больше # элемента.}}",
  "input.wholeNumber": "Укажите целое число.",
  "input.number": "Укажите число.",
  "input.email": "Введите адрес электронной почты, например name@example.org.",
  "input.url": "Введите полный веб-адрес, начиная с https://.",
  "input.choice": "Выберите один из вариантов.",
  "input.date": "Укажите дату, например 2026-11-26.",
  "input.unknownField": "Это поле здесь не предусмотрено.",
  "input.invalid": "Это значение недопустимо.",
  "input.singleLine": "Напишите это в одну строку, без переносов строк, табуляций и управляющих символов.",
  "input.invisibleCharacters": "Уберите из этого имени невидимые символы направления текста и нулевой ширины.",
} as const satisfies Catalogue<typeof en>;
