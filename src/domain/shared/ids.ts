import { z } from "zod";

const uuid = z.uuid();

/** Whether a path segment or field is a UUID (a record's id) rather than a slug or garbage. */
export const isUuid = (value: string): boolean => uuid.safeParse(value).success;
