import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "certifications.field.slugTaken": "تستخدم شهادة أخرى هذا العنوان بالفعل.",
  "certifications.field.unknownOwner": "لا توجد مؤسسة بهذا الاسم.",
  "certifications.field.ownLanguage": "هذه هي اللغة الأصلية للشهادة؛ عدّل نصوصها هناك.",
  "certifications.field.duplicateKey": "يحتاج كل شرط إلى مفتاح خاص به.",
  "certifications.field.impossibleGroup": "تطلب مجموعة شروطًا أكثر مما تحتويه.",
  "certifications.field.notAssessed": "لا يقبل هذا الشرط أي دليل.",
  "certifications.field.scoreMissing": "ضع درجة لكل معيار.",
  "certifications.field.belowPassMark": "مجموع الدرجات {total}؛ ويتطلب القبول {passMark} على الأقل.",
  "certifications.field.unknownCohort": "لا توجد دفعة بهذا الاسم.",
  "certifications.email.awarded.subject": "حصلت على الشهادة: {title}",
  "certifications.email.awarded.body":
    "عزيزي/عزيزتي {name}،\n\nتهانينا: حصلت على «{title}».{hasExpiry, select, yes { وهي صالحة حتى {until}.} other {}}\n\nاطّلع عليها هنا: {link}",
  "certifications.email.expiring.subject": "تنتهي صلاحية شهادتك في {until}: {title}",
  "certifications.email.expiring.body":
    "عزيزي/عزيزتي {name}،\n\nتنتهي صلاحية شهادتك «{title}» في {until}. لتجديدها، استوفِ شروطها مرة أخرى؛ تعرض صفحة تقدّمك ما تبقّى:\n\n{link}",
  "certifications.field.alreadyDecided": "سبق أن قرّر مُقيِّم بشأن هذا الدليل.",
  "certifications.field.wrongAwardStatus":
    "لا يمكن ذلك مع شهادة {status, select, active {سارية} suspended {معلّقة} revoked {ملغاة} other {{status}}}.",
  "certifications.field.alreadyConfirmed": "تم تأكيد هذه القائمة بالفعل.",
} as const satisfies Catalogue<typeof en>;
