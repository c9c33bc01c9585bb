import { z } from "zod";
import { page } from "../shared/dto.ts";

/** A message the outbox gave up on, as staff see it: who it was for, what it was, why it failed. */
export const failedMailDto = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  failedAt: z.string(),
  centreId: z.uuid().nullable(),
});
export type FailedMailDto = z.infer<typeof failedMailDto>;
export const failedMailPage = page(failedMailDto);
