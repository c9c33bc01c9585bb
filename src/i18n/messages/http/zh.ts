import type { Catalogue } from "../types.ts";
import type en from "./en.ts";

export default {
  "error.service_unavailable": "服务暂时不可用，请稍后再试。",
  "error.request_timeout": "请求传输时间过长，请重试。",
  "error.cross_site_request": "此请求来自其他网站，已被拒绝。脚本应使用个人 API 令牌（Authorization: Bearer）。",
  "error.headers_too_large": "请求的地址或标头过长。",
  "error.uri_too_long": "请求的地址过长。",
  "http.invalidText": "请删除此文本中的控制字符（例如 NUL）。",
  "http.page.badRequest.title": "无法读取此请求",
  "http.page.badRequest.body": "地址或表单中含有不允许的字符。请返回后重试。",
  "http.page.unavailable.title": "Orbis 暂时不可用",
  "http.page.unavailable.body": "请一分钟后再试。",
} satisfies Catalogue<typeof en>;
