import { z } from "zod";

export const staffEnrolmentSchema = z.object({ email: z.email().max(320) }).strict();

/** Answers by question id; which kind of answer fits which question is checked against the quiz. */
export const attemptInputSchema = z
  .object({
    answers: z.record(z.uuid(), z.union([z.string().max(1000), z.array(z.uuid()).max(20), z.boolean()])),
  })
  .strict();
export type AttemptInput = z.infer<typeof attemptInputSchema>;
