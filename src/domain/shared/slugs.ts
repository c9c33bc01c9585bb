import anyAscii from "any-ascii";
import { z } from "zod";

export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slug");

/**
 * Chinese characters are spelt one syllable each (pinyin without tones): apart, so that a title
 * of several characters reads as syllables in its address rather than one run.
 */
const han = /\p{Script=Han}/gu;

/**
 * An address-safe spelling of a title in any script: Cyrillic, Arabic, Greek, Chinese (pinyin)
 * and the rest are transliterated (any-ascii, tables for every Unicode block, no dependencies),
 * so a Russian title gets a readable slug rather than a random one.
 */
export function slugify(text: string): string {
  return anyAscii(text.normalize("NFC").replace(han, (ch) => ` ${ch} `))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * A slug for a new record from its title: the title's own when free, else with a random suffix;
 * `fallback-<suffix>` when the title gives too little (only signs or emoji). The
 * unique constraint still decides between concurrent writers.
 */
export async function freeSlug(
  title: string,
  fallback: string,
  isTaken: (slug: string) => Promise<boolean>,
  maxLength = 70,
): Promise<string> {
  const base = slugify(title).slice(0, maxLength).replace(/-+$/, "");
  const suffix = () => crypto.randomUUID().slice(0, 8);
  if (base.length < 2) return `${fallback}-${suffix()}`;
  return (await isTaken(base)) ? `${base}-${suffix()}` : base;
}
