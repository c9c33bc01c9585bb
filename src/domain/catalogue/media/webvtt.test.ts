import { describe, expect, test } from "vitest";
import { acceptedMimeType, cleanFileName, isPlainText } from "./types.ts";
import { checkWebVtt } from "./webvtt.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("WebVTT check", () => {
  test("accepts cues with and without hours, settings and a byte order mark", () => {
    const vtt = "\uFEFFWEBVTT - lesson 1\n\n1\n00:00.000 --> 00:04.500 align:start\nПривет\n\n01:00:01.000 --> 01:00:02.000\nمرحبا\n";
    expect(checkWebVtt(bytes(vtt))).toBeNull();
  });

  test.each([
    ["encoding", new Uint8Array([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0xff, 0xfe])],
    ["header", bytes("1\n00:00.000 --> 00:01.000\nhi\n")],
    ["header", bytes("WEBVTTX\n\n00:00.000 --> 00:01.000\nhi\n")],
    ["timing", bytes("WEBVTT\n\n00:00,000 --> 00:01,000\nSRT commas\n")],
    ["timing", bytes("WEBVTT\n\n00:05.000 --> 00:01.000\nbackwards\n")],
    ["timing", bytes("WEBVTT\n\n00:61.000 --> 01:01.000\nsixty-one seconds\n")],
    ["empty", bytes("WEBVTT\n\nNOTE nothing here\n")],
  ])("reports %s", (problem, file) => {
    expect(checkWebVtt(file)).toBe(problem);
  });
});

describe("accepted upload types", () => {
  test("a type sniffed from the bytes must agree with the name and the kind", () => {
    expect(acceptedMimeType("download", "handout.pdf", "application/pdf", false)).toBe("application/pdf");
    expect(acceptedMimeType("download", "handout.PDF", "application/pdf", false)).toBe("application/pdf");
    expect(acceptedMimeType("download", "handout.pdf", undefined, true)).toBeNull();
    expect(acceptedMimeType("download", "photo.png", "image/jpeg", false)).toBeNull();
    expect(acceptedMimeType("cover", "photo.gif", "image/gif", false)).toBeNull();
    expect(acceptedMimeType("cover", "drawing.svg", undefined, true)).toBeNull();
    expect(acceptedMimeType("download", "page.html", undefined, true)).toBeNull();
    expect(acceptedMimeType("video", "talk.webm", "video/webm", false)).toBe("video/webm");
    expect(acceptedMimeType("download", "marks.csv", undefined, true)).toBe("text/csv");
    expect(acceptedMimeType("download", "marks.csv", "application/zip", false)).toBeNull();
  });

  test("plain text is UTF-8 without NUL bytes or markup, even when cut inside a character", () => {
    expect(isPlainText(bytes("name,score\nАйгуль,5\n"))).toBe(true);
    expect(isPlainText(bytes("Ж").subarray(0, 1))).toBe(true);
    expect(isPlainText(bytes("  <svg onload=alert(1)>"))).toBe(false);
    expect(isPlainText(new Uint8Array([0x61, 0x00, 0x62]))).toBe(false);
    expect(isPlainText(new Uint8Array([0xff, 0xfe, 0x41]))).toBe(false);
  });

  test.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\notes.txt", "notes.txt"],
    ["..", "file"],
    ['a"b<c>.pdf', "abc.pdf"],
    [".hidden.pdf", "hidden.pdf"],
    ["Конспект урока.pdf", "Конспект урока.pdf"],
  ])("cleans the file name %j", (name, clean) => {
    expect(cleanFileName(name)).toBe(clean);
  });

  test("shortens a long name and keeps its extension", () => {
    const name = cleanFileName(`${"x".repeat(300)}.pdf`);
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
