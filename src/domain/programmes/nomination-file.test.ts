import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { translateError } from "../../i18n/error-messages.ts";
import { isDomainError } from "../shared/errors.ts";
import { MAX_NOMINATION_FILE_BYTES, parseNominationFile } from "./nomination-file.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The translated message of the `file` field a refused file gets. */
async function refusal(bytes: Uint8Array, locale: "en" | "ru" = "en"): Promise<string> {
  try {
    await parseNominationFile(bytes);
  } catch (error) {
    if (isDomainError(error) && error.status === 400)
      return translateError(error, locale).fields.find((f) => f.path === "file")?.message ?? "";
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("nomination files", () => {
  it("reads a UTF-8 CSV with a byte-order mark, any header case and column order", async () => {
    const rows = await parseNominationFile(utf8("\uFEFFEmail,NAME,Department,Role\r\nada@uni.test, Ада  Лавлейс ,Maths,Lecturer\r\n"));
    expect(rows).toEqual([{ line: 2, name: "Ада Лавлейс", email: "ada@uni.test", department: "Maths", jobTitle: "Lecturer" }]);
  });

  it("takes semicolons and headers in the reader's language", async () => {
    const rows = await parseNominationFile(utf8("ФИО;Электронная почта;Кафедра;Должность\nАйгуль;aigul@uni.test;Физика;Доцент\n"));
    expect(rows[0]).toMatchObject({ name: "Айгуль", email: "aigul@uni.test", department: "Физика", jobTitle: "Доцент" });
    const arabic = await parseNominationFile(utf8("الاسم,البريد الإلكتروني\nليلى,layla@uni.test\n"));
    expect(arabic[0]).toMatchObject({ name: "ليلى", email: "layla@uni.test", department: "" });
  });

  it("keeps quoted commas and counts lines from the header", async () => {
    const rows = await parseNominationFile(utf8('name,email\n"Mensah, Kofi",kofi@uni.test\n,\nAma,ama@uni.test\n'));
    expect(rows.map((r) => [r.line, r.name])).toEqual([
      [2, "Mensah, Kofi"],
      [4, "Ama"],
    ]);
  });

  it("reads the first sheet of an XLSX workbook", async () => {
    const book = await writeXlsxFile([
      [{ value: "Name" }, { value: "Email" }, { value: "Department" }, { value: "Role" }],
      [{ value: "Wanjiru" }, { value: "wanjiru@uni.test" }, { value: "ICT" }, { value: "Tutor" }],
      [{ value: "Otieno" }, { value: "otieno@uni.test" }, null, { value: 42, type: Number }],
    ]).toBuffer();
    const rows = await parseNominationFile(new Uint8Array(book));
    expect(rows).toEqual([
      { line: 2, name: "Wanjiru", email: "wanjiru@uni.test", department: "ICT", jobTitle: "Tutor" },
      { line: 3, name: "Otieno", email: "otieno@uni.test", department: "", jobTitle: "42" },
    ]);
  });

  it("refuses text that is not UTF-8 with a message saying how to save it", async () => {
    // "Иван" in Windows-1251.
    const cp1251 = new Uint8Array([...utf8("name,email\n"), 0xc8, 0xe2, 0xe0, 0xed, ...utf8(",ivan@uni.test\n")]);
    expect(await refusal(cp1251)).toContain("CSV UTF-8");
    expect(await refusal(cp1251, "ru")).toContain("CSV UTF-8");
  });

  it("refuses binary garbage, an empty file, a header alone and a file too large", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await refusal(garbage)).toBe("This file cannot be read as a CSV or XLSX spreadsheet.");
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("This file cannot be read as a CSV or XLSX spreadsheet.");
    expect(await refusal(new Uint8Array())).toBe("The file is empty.");
    expect(await refusal(utf8("\n\n"))).toBe("The file is empty.");
    expect(await refusal(utf8("name,email\n"))).toBe("The file has a header row but nobody under it.");
    expect(await refusal(new Uint8Array(MAX_NOMINATION_FILE_BYTES + 1).fill(0x61))).toContain("larger than 5 MB");
  });

  it("names the missing columns and what the header has instead", async () => {
    const message = await refusal(utf8("full_name,mail\nAda,ada@uni.test\n"));
    expect(message).toContain("name, email");
    expect(message).toContain("full_name, mail");
    expect(await refusal(utf8("Имя,Отдел\nАда,Математика\n"), "ru")).toContain("email");
  });

  it("reads 5,000 rows quickly", async () => {
    const lines = [
      "name,email,department,role",
      ...Array.from({ length: 5000 }, (_, i) => `Person ${i},p${i}@uni.test,Dept ${i % 20},Lecturer`),
    ];
    const started = performance.now();
    const rows = await parseNominationFile(utf8(lines.join("\n")));
    expect(rows).toHaveLength(5000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
