import { describe, expect, test } from "vitest";
import { sanitizeLessonHtml } from "./rich-text.ts";

describe("lesson rich text", () => {
  test("keeps structure, emphasis, lists, tables and safe links", () => {
    const html =
      '<h2>Title</h2><p dir="rtl" lang="ar">نص <strong>مهم</strong></p><ul><li>one</li></ul>' +
      '<table><tbody><tr><th scope="row">a</th><td>b</td></tr></tbody></table><p><a href="https://example.org" title="x">link</a></p>';
    expect(sanitizeLessonHtml(html)).toBe(
      '<h2>Title</h2><p dir="rtl" lang="ar">نص <strong>مهم</strong></p><ul><li>one</li></ul>' +
        '<table><tbody><tr><th scope="row">a</th><td>b</td></tr></tbody></table><p><a href="https://example.org" title="x" rel="noopener noreferrer nofollow">link</a></p>',
    );
  });

  test.each([
    ["a script", "<p>x</p><script>alert(1)</script>", "<p>x</p>"],
    ["an event handler", '<p onmouseover="alert(1)">x</p>', "<p>x</p>"],
    ["a javascript: link", '<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ["a data: link", '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
    ["an image with onerror", '<img src="x" onerror="alert(1)">', ""],
    ["a frame", '<iframe src="https://evil.example"></iframe>', ""],
    ["inline styles and classes", '<p style="position:fixed" class="x">x</p>', "<p>x</p>"],
    ["a protocol-relative link", '<a href="//evil.example">x</a>', '<a rel="noopener noreferrer nofollow">x</a>'],
  ])("removes %s", (_, html, expected) => {
    expect(sanitizeLessonHtml(html)).toBe(expected);
  });

  test("is idempotent, so text sanitised when stored is unchanged when shown", () => {
    const once = sanitizeLessonHtml('<p onclick="x()">a <a href="https://x.org" rel="opener">b</a><script>c</script></p>');
    expect(sanitizeLessonHtml(once)).toBe(once);
  });
});
