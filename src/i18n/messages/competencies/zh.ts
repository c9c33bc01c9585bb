import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "competencies.field.slugTaken": "另一个框架已使用此地址。",
  "competencies.field.draftExists": "下一版本的草稿已存在。",
  "competencies.field.noItems": "发布前请至少添加一项能力。",
  "competencies.field.unknownItem": "此框架中没有该条目。",
  "competencies.field.unknownLevel": "此框架中没有该级别。",
  "competencies.field.ownLanguage": "框架的原始语言不可更改；请添加翻译。",
  "competencies.field.duplicateLevel": "每个级别都需要唯一的代码。",
} as const satisfies Catalogue<typeof en>;
