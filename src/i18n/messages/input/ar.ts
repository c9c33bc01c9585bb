import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "input.required": "املأ هذا الحقل.",
  "input.tooShort":
    "{minimum, plural, zero {استخدم # حرفًا على الأقل.} one {استخدم حرفًا واحدًا على الأقل.} two {استخدم حرفين على الأقل.} few {استخدم # أحرف على الأقل.} many {استخدم # حرفًا على الأقل.} other {استخدم # حرف على الأقل.}}",
  "input.tooLong":
    "{maximum, plural, zero {استخدم # حرفًا على الأكثر.} one {استخدم حرفًا واحدًا على الأكثر.} two {استخدم حرفين على الأكثر.} few {استخدم # أحرف على الأكثر.} many {استخدم # حرفًا على الأكثر.} other {استخدم # حرف على الأكثر.}}",
  "input.tooSmall": "أدخل {minimum} أو أكثر.",
  "input.tooBig": "أدخل {maximum} أو أقل.",
  "input.tooFew": "أضف {minimum} عنصر على الأقل.",
  "input.tooMany": "أبقِ {maximum} عنصر على الأكثر.",
  "input.wholeNumber": "أدخل عددًا صحيحًا.",
  "input.number": "أدخل رقمًا.",
  "input.email": "أدخل عنوان بريد إلكتروني مثل name@example.org.",
  "input.url": "أدخل عنوان ويب كاملًا يبدأ بـ https://.",
  "input.choice": "اختر أحد الخيارات.",
  "input.date": "أدخل تاريخًا مثل 2026-11-26.",
  "input.unknownField": "هذا الحقل غير متوقع هنا.",
  "input.invalid": "هذه القيمة غير صالحة.",
  "input.singleLine": "اكتب هذا في سطر واحد، دون فواصل أسطر أو علامات جدولة أو أحرف تحكم.",
  "input.invisibleCharacters": "احذف من هذا الاسم أحرف الاتجاه أو الأحرف ذات العرض الصفري غير المرئية.",
} as const satisfies Catalogue<typeof en>;
