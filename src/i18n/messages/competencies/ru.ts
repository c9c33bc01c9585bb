import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "competencies.field.slugTaken": "Этот адрес уже занят другой рамкой.",
  "competencies.field.draftExists": "Черновик следующей версии уже существует.",
  "competencies.field.noItems": "Перед публикацией добавьте хотя бы одну компетенцию.",
  "competencies.field.unknownItem": "В этой рамке нет такого элемента.",
  "competencies.field.unknownLevel": "В этой рамке нет такого уровня.",
  "competencies.field.ownLanguage": "Исходный язык рамки изменить нельзя; добавьте перевод.",
  "competencies.field.duplicateLevel": "У каждого уровня должен быть свой код.",
} as const satisfies Catalogue<typeof en>;
