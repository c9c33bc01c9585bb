import { z } from "zod";

/** One page of a list: its items, how many there are in all, and the window asked for. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };
