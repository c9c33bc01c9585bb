import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.validation_failed": "بعض الحقول غير صالحة. يرجى تصحيحها والمحاولة مرة أخرى.",
  "error.not_found": "غير موجود.",
  "error.unauthenticated": "يرجى تسجيل الدخول للمتابعة.",
  "error.forbidden": "ليست لديك صلاحية للقيام بذلك.",
  "error.conflict": "يتعارض هذا مع بيانات موجودة.",
  "error.duplicate_name": "توجد مؤسسة بهذا الاسم بالفعل.",
  "error.duplicate_slug": "هذا العنوان (slug) مستخدم بالفعل.",
  "error.duplicate_email": "يوجد حساب بهذا البريد الإلكتروني بالفعل.",
  "error.invalid_credentials": "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
  "error.rate_limited":
    "محاولات كثيرة جدًا. يرجى الانتظار {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} ثم المحاولة مرة أخرى.",
  "error.invalid_token": "هذا الرابط أو الرمز غير صالح أو منتهي الصلاحية.",
  "error.csrf_failed": "انتهت صلاحية النموذج. يرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.",
  "error.in_use": "هذا العنصر ما زال مستخدمًا ولا يمكن حذفه.",
  "error.already_enrolled": "أنت مسجَّل في هذه الدورة بالفعل.",
  "error.not_enrolled": "سجِّل في هذه الدورة أولًا.",
  "error.no_attempts_left": "لقد استنفدت جميع محاولاتك في هذا الاختبار.",
  "error.already_registered": "أنت مسجّل بالفعل في هذه الفعالية (أو في قائمة الانتظار الخاصة بها).",
  "error.registration_closed": "التسجيل في هذه الفعالية غير مفتوح الآن.",
  "error.event_cancelled": "أُلغيت هذه الفعالية.",
  "error.course_published": "هذا الإصدار منشور ولا يمكن تغييره. أنشئ إصدارًا جديدًا من الدورة لتعديله.",
  "error.framework_not_draft":
    "هذا الإصدار من الإطار {status, select, published {منشور} superseded {مستبدَل بإصدار أحدث} other {{status}}} ولا يمكن تغييره. أنشئ إصدارًا جديدًا لتعديله.",
  "error.wrong_status":
    "لا يمكن القيام بذلك ما دامت الدورة {status, select, draft {مسودة} in_review {قيد المراجعة} published {منشورة} archived {مؤرشفة} other {{status}}}.",
  "error.derivatives_forbidden": "ترخيص هذه الدورة ({licence}) لا يسمح بالتكييف.",
  "error.payload_too_large": "الطلب كبير جدًا.",
  "error.length_required": "يجب أن يذكر الطلب طوله (Content-Length).",
  "error.bad_request": "الطلب غير صالح.",
  "error.unsupported_media_type": "نوع المحتوى هذا غير مدعوم.",
  "error.internal": "حدث خطأ غير متوقع وتم تسجيله.",
  "error.unknown_organisation": "هذه المؤسسة غير موجودة.",
  "validation.slug": "استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات مفردة.",
  "validation.countryCode": "استخدم رمز بلد من حرفين مثل KG.",
  "validation.partialDate": "أدخل سنة، أو سنة وشهرًا، أو تاريخًا كاملًا: 2025 أو 2025-11 أو 2025-11-26.",
  "validation.languageCode": "استخدم رمز لغة مثل ru أو ar.",
  "validation.timeZone": "اختر منطقة زمنية من القائمة، مثل Asia/Bishkek.",
  "error.token_scope": "لا يسمح نطاق رمز API هذا بذلك. سجّل الدخول أو استخدم رمزًا بنطاق أوسع.",
  "error.own_work": "لا يمكنك القيام بذلك لعملك أنت: يجب أن يقوم به شخص آخر (الفصل بين المهام).",
} satisfies Catalogue<typeof en>;
