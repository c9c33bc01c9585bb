import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "input.required": "请填写此项。",
  "input.tooShort": "请至少输入 {minimum} 个字符。",
  "input.tooLong": "请最多输入 {maximum} 个字符。",
  "input.tooSmall": "请输入不小于 {minimum} 的数。",
  "input.tooBig": "请输入不大于 {maximum} 的数。",
  "input.tooFew": "请至少添加 {minimum} 项。",
  "input.tooMany": "最多保留 {maximum} 项。",
  "input.wholeNumber": "请输入整数。",
  "input.number": "请输入数字。",
  "input.email": "请输入电子邮箱地址，例如 name@example.org。",
  "input.url": "请输入以 https:// 开头的完整网址。",
  "input.choice": "请从选项中选择一项。",
  "input.date": "请输入日期，例如 2026-11-26。",
  "input.unknownField": "此处不应有此字段。",
  "input.invalid": "此值无效。",
  "input.singleLine": "请在一行内填写，不要包含换行符、制表符或控制字符。",
  "input.invisibleCharacters": "请删除此名称中不可见的文字方向字符或零宽字符。",
} as const satisfies Catalogue<typeof en>;
