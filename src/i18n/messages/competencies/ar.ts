import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "competencies.field.slugTaken": "يستخدم إطار آخر هذا العنوان بالفعل.",
  "competencies.field.draftExists": "توجد بالفعل مسودة للإصدار التالي.",
  "competencies.field.noItems": "أضف كفاءة واحدة على الأقل قبل النشر.",
  "competencies.field.unknownItem": "لا يحتوي هذا الإطار على هذا العنصر.",
  "competencies.field.unknownLevel": "لا يحتوي هذا الإطار على هذا المستوى.",
  "competencies.field.ownLanguage": "لا يمكن تغيير اللغة الأصلية للإطار؛ أضف ترجمة بدلًا من ذلك.",
  "competencies.field.duplicateLevel": "يحتاج كل مستوى إلى رمز خاص به.",
} as const satisfies Catalogue<typeof en>;
