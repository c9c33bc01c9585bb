import { z } from "zod";

const prompt = z.string().trim().min(1).max(2000);
const feedback = z.string().trim().max(2000);
const points = z.number().int().min(1).max(100);
const acceptedAnswer = z.string().trim().min(1).max(200);
const optionText = z.string().trim().min(1).max(500);

const option = z.object({ id: z.uuid().optional(), text: optionText, correct: z.boolean() }).strict();
const options = z.array(option).min(2, "learning.quiz.field.twoOptions").max(10);

/** Fields every question has; `id` names a question to keep (with its translations), omitted for a new one. */
const common = { id: z.uuid().optional(), prompt, feedback: feedback.optional(), points: points.optional() };

export const questionInputSchema = z.discriminatedUnion("kind", [
  z
    .object({ ...common, kind: z.literal("single"), options })
    .strict()
    .refine((q) => q.options.filter((o) => o.correct).length === 1, {
      message: "learning.quiz.field.exactlyOneCorrect",
      path: ["options"],
    }),
  z
    .object({ ...common, kind: z.literal("multiple"), options })
    .strict()
    .refine((q) => q.options.some((o) => o.correct), { message: "learning.quiz.field.atLeastOneCorrect", path: ["options"] }),
  z.object({ ...common, kind: z.literal("true_false"), answerTrue: z.boolean() }).strict(),
  z
    .object({
      ...common,
      kind: z.literal("short_answer"),
      acceptedAnswers: z.array(acceptedAnswer).min(1, "learning.quiz.field.oneAnswer").max(20),
    })
    .strict(),
]);
export type QuestionInput = z.infer<typeof questionInputSchema>;

export const quizSettingsSchema = z
  .object({
    passingScore: z.number().int().min(0).max(100),
    /** Null: unlimited. */
    maxAttempts: z.number().int().min(1).max(100).nullable(),
  })
  .strict();
export type QuizSettingsInput = z.infer<typeof quizSettingsSchema>;

/** A whole quiz: its settings and its questions in order, in the course's default language. */
export const quizInputSchema = quizSettingsSchema
  .extend({ questions: z.array(questionInputSchema).max(100) })
  .strict()
  .refine((q) => new Set(q.questions.flatMap((x) => (x.id ? [x.id] : []))).size === q.questions.filter((x) => x.id).length, {
    message: "learning.quiz.field.duplicateQuestion",
    path: ["questions"],
  });
export type QuizInput = z.infer<typeof quizInputSchema>;

const translationStatus = z.enum(["draft", "ready"]);

/** A quiz's texts in another language, question by question; options by id. */
export const quizTranslationSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            id: z.uuid(),
            prompt,
            feedback: feedback.optional(),
            acceptedAnswers: z.array(acceptedAnswer).max(20).optional(),
            status: translationStatus,
            options: z
              .array(z.object({ id: z.uuid(), text: optionText, status: translationStatus }).strict())
              .max(10)
              .optional(),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
export type QuizTranslationInput = z.infer<typeof quizTranslationSchema>;
