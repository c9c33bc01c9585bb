import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "certifications.field.slugTaken": "另一项认证已使用此地址。",
  "certifications.field.unknownOwner": "没有这个组织。",
  "certifications.field.ownLanguage": "这是认证的原始语言，请直接修改其文本。",
  "certifications.field.duplicateKey": "每个条件都需要自己的键。",
  "certifications.field.impossibleGroup": "某个组要求的条件数多于其包含的条件。",
  "certifications.field.notAssessed": "此条件不接受证据。",
  "certifications.field.scoreMissing": "请为每项标准评分。",
  "certifications.field.belowPassMark": "总分为 {total}，批准至少需要 {passMark}。",
  "certifications.field.unknownCohort": "没有这个班次。",
  "certifications.email.awarded.subject": "您已获得认证：{title}",
  "certifications.email.awarded.body":
    "{name}，您好：\n\n恭喜您获得“{title}”。{hasExpiry, select, yes {有效期至 {until}。} other {}}\n\n查看：{link}",
  "certifications.email.expiring.subject": "您的认证将于 {until} 到期：{title}",
  "certifications.email.expiring.body":
    "{name}，您好：\n\n您的认证“{title}”将于 {until} 到期。如需续期，请再次满足其条件；进度页面会显示剩余事项：\n\n{link}",
  "certifications.field.alreadyDecided": "已有评审员对此证据作出决定。",
  "certifications.field.wrongAwardStatus":
    "无法对{status, select, active {有效} suspended {已暂停} revoked {已撤销} other {{status}}}的认证执行此操作。",
  "certifications.field.alreadyConfirmed": "此名单已确认。",
} as const satisfies Catalogue<typeof en>;
