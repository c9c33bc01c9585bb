import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.validation_failed": "部分字段无效，请更正后重试。",
  "error.not_found": "未找到。",
  "error.unauthenticated": "请先登录。",
  "error.forbidden": "您无权执行此操作。",
  "error.conflict": "与现有数据冲突。",
  "error.duplicate_name": "已存在同名机构。",
  "error.duplicate_slug": "该地址（slug）已被占用。",
  "error.duplicate_email": "该电子邮箱已注册。",
  "error.invalid_credentials": "电子邮箱或密码不正确。",
  "error.rate_limited": "尝试次数过多，请等待 {minutes} 分钟后重试。",
  "error.invalid_token": "该链接或令牌无效或已过期。",
  "error.csrf_failed": "表单已过期，请刷新页面后重试。",
  "error.in_use": "该项仍在使用中，无法删除。",
  "error.payload_too_large": "请求过大。",
  "error.bad_request": "请求无效。",
  "error.unsupported_media_type": "不支持该内容类型。",
  "error.internal": "发生意外错误，已记录。",
  "error.unknown_organisation": "该机构不存在。",
  "validation.slug": "请使用小写字母、数字和单个连字符。",
  "validation.countryCode": "请使用两位字母的国家代码，例如 KG。",
  "validation.partialDate": "请填写年份、年月或完整日期：2025、2025-11 或 2025-11-26。",
  "validation.languageCode": "请使用语言代码，例如 ru 或 ar。",
} satisfies Catalogue<typeof en>;
