import { z } from "zod";

export const slugSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slug");

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/**
 * A slug for a new record from its title: the title's own when free, else with a random suffix;
 * `fallback-<suffix>` when the title gives too little (a script slugify cannot spell). The
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
