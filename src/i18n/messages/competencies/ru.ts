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
  "competencies.import.notJson": "Файл не является корректным JSON.",
  "competencies.import.tooLarge": "Файл больше {max, number} байт.",
  "competencies.import.tooMany": "Здесь больше {max, number} записей.",
  "competencies.import.tooLong": "{field} длиннее {max, number} символов.",
  "competencies.import.notObject": "Эта запись не является объектом JSON.",
  "competencies.import.notList": "Здесь должен быть список.",
  "competencies.import.noDocument": "В пакете нет CFDocument.",
  "competencies.import.missingField": "Отсутствует поле {field}.",
  "competencies.import.duplicateIdentifier": "Этот идентификатор встречается более одного раза.",
  "competencies.import.cycle": "Этот элемент является собственным предком (связи isChildOf образуют цикл).",
  "competencies.import.alreadyImported":
    "Рамка с этим идентификатором уже есть; импортируйте её как копию с новым идентификатором или создайте новую версию.",
  "competencies.import.badLanguage": "«{value}» — не код языка; принят английский.",
  "competencies.import.unknownType": "Тип связи «{value}» не относится к CASE; связь пропущена.",
  "competencies.import.unknownNode": "«{value}» не является элементом этого пакета; элемент помещён на верхний уровень.",
  "competencies.import.secondParent": "У элемента уже есть родитель; вторая связь isChildOf пропущена.",
  "competencies.import.externalOrigin": "Связь начинается с элемента вне пакета; она пропущена.",
  "competencies.import.rubricLeftOut": "Эта рубрика не является списком уровней владения; она пропущена.",
  "competencies.import.unknownLevel": "Уровня «{value}» нет среди уровней пакета; у элемента нет уровня.",
  "competencies.import.extensionIgnored": "Переводы в расширениях этой записи не удалось прочитать; они пропущены.",
} as const satisfies Catalogue<typeof en>;
