import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorQuizDto, quizTextsDto } from "../../domain/catalogue/dto.ts";
import { courseRefSchema, moveInputSchema, quizInputSchema, quizTranslationSchema } from "../../domain/catalogue/validation.ts";
import { attemptResultDto, completionDto, enrolmentDto, learnerQuizDto, myLearningDto, playerDto } from "../../domain/learning/dto.ts";
import { attemptInputSchema, staffEnrolmentSchema } from "../../domain/learning/validation.ts";
import { contentLocaleSchema } from "../../domain/shared/validation.ts";
import type { Services } from "../../services.ts";
import { requestLocale } from "../request-locale.ts";
import { routeDocs } from "./common.ts";

const docs = routeDocs("learning");

const courseParams = z.object({ id: courseRefSchema.describe("The course's id or slug") }).strict();
const lessonParams = courseParams.extend({ lessonId: z.uuid() }).strict();

/** Enrolment, the lesson player, quiz attempts and "my learning"; quiz authoring and translation. */
export async function learningRoutes(fastify: FastifyInstance, options: { services: Services }) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { learning, quizzes } = options.services;

  app.post(
    "/courses/:id/enrolment",
    docs.signedIn("Enrol yourself in a published course (409 when already enrolled)", {
      params: courseParams,
      response: { 201: enrolmentDto },
    }),
    async (request, reply) => reply.status(201).send(await learning.enrol(request.actor, request.params.id)),
  );

  app.get(
    "/courses/:id/enrolment",
    docs.signedIn("Your enrolment in a course with its progress (null when not enrolled)", {
      params: courseParams,
      response: { 200: enrolmentDto.nullable() },
    }),
    async (request) => learning.enrolmentIn(request.actor, request.params.id),
  );

  app.delete(
    "/courses/:id/enrolment",
    docs.signedIn("Withdraw from a course; progress is kept for when you enrol again", {
      params: courseParams,
      response: { 200: enrolmentDto },
    }),
    async (request) => learning.withdraw(request.actor, request.params.id),
  );

  app.post(
    "/courses/:id/enrolments",
    docs.signedIn("Enrol someone with an account, by email (staff of the owner centre)", {
      params: courseParams,
      body: staffEnrolmentSchema,
      response: { 201: enrolmentDto },
    }),
    async (request, reply) => reply.status(201).send(await learning.enrolByEmail(request.actor, request.params.id, request.body)),
  );

  app.get(
    "/me/learning",
    docs.signedIn("Your courses in progress and completed, with progress and where to resume", {
      response: { 200: myLearningDto },
    }),
    async (request) => learning.myLearning(request.actor, requestLocale(request)),
  );

  app.get(
    "/courses/:id/completion",
    docs.signedIn(
      "The end of a course you completed: lessons, best quiz results, courses to take next, the certificate (null when not completed)",
      {
        params: courseParams,
        response: { 200: completionDto.nullable() },
      },
    ),
    async (request) => learning.completion(request.actor, request.params.id, requestLocale(request)),
  );

  app.get(
    "/courses/:id/lessons/:lessonId/player",
    docs.signedIn("A lesson as its learner sees it: syllabus with what is done, previous and next, quiz. Records where to resume", {
      params: lessonParams,
      response: { 200: playerDto },
    }),
    async (request) => learning.player(request.actor, request.params.id, request.params.lessonId, requestLocale(request)),
  );

  app.post(
    "/courses/:id/lessons/:lessonId/done",
    docs.signedIn("Mark a reading, video or file lesson as done (a quiz is done when passed)", {
      params: lessonParams,
      response: { 200: enrolmentDto },
    }),
    async (request) => learning.markDone(request.actor, request.params.id, request.params.lessonId),
  );

  app.get(
    "/courses/:id/lessons/:lessonId/quiz",
    docs.signedIn("A quiz to answer (nothing says what is correct), with your attempts and the latest feedback", {
      params: lessonParams,
      response: { 200: learnerQuizDto },
    }),
    async (request) => learning.getQuiz(request.actor, request.params.id, request.params.lessonId, requestLocale(request)),
  );

  app.post(
    "/courses/:id/lessons/:lessonId/quiz/attempts",
    docs.signedIn("Submit an attempt, graded on the server (409 once the attempts are used up)", {
      description:
        "`answers` maps question ids to an option id (single), a list of option ids (multiple), true or false (true_false) " +
        "or a text (short_answer, compared without regard to case, spacing or Unicode compatibility forms). Unanswered questions score nothing.",
      params: lessonParams,
      body: attemptInputSchema,
      response: { 201: attemptResultDto },
    }),
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await learning.submitAttempt(request.actor, request.params.id, request.params.lessonId, request.body, requestLocale(request)),
        ),
  );

  app.get(
    "/courses/:id/lessons/:lessonId/quiz/edit",
    docs.signedIn("A quiz with its answers, in the course's default language (the owner's authors)", {
      params: lessonParams,
      response: { 200: authorQuizDto },
    }),
    async (request) => quizzes.getAuthorQuiz(request.actor, request.params.id, request.params.lessonId),
  );

  app.put(
    "/courses/:id/lessons/:lessonId/quiz",
    docs.signedIn("Replace a draft course's quiz: settings and questions in order (the owner's authors)", {
      description: "Questions and options listed with their id are kept with their translations; those left out are removed.",
      params: lessonParams,
      body: quizInputSchema,
      response: { 200: authorQuizDto },
    }),
    async (request) => quizzes.setQuiz(request.actor, request.params.id, request.params.lessonId, request.body),
  );

  app.post(
    "/courses/:id/lessons/:lessonId/quiz/questions/:questionId/move",
    docs.signedIn("Move a draft course's quiz question one place up or down (the owner's authors)", {
      params: lessonParams.extend({ questionId: z.uuid() }).strict(),
      body: moveInputSchema,
      response: { 200: authorQuizDto },
    }),
    async (request) =>
      quizzes.moveQuestion(request.actor, request.params.id, request.params.lessonId, request.params.questionId, request.body),
  );

  const translationParams = lessonParams.extend({ locale: contentLocaleSchema }).strict();

  app.get(
    "/courses/:id/lessons/:lessonId/quiz/translations/:locale",
    docs.signedIn("A quiz's texts in one language next to the source texts (authors and translators)", {
      params: translationParams,
      response: { 200: quizTextsDto },
    }),
    async (request) => quizzes.quizTextsFor(request.actor, request.params.id, request.params.lessonId, request.params.locale),
  );

  app.put(
    "/courses/:id/lessons/:lessonId/quiz/translations/:locale",
    docs.signedIn("Write a quiz's texts in a language other than the default, each question and option draft or ready", {
      params: translationParams,
      body: quizTranslationSchema,
      response: { 200: quizTextsDto },
    }),
    async (request) =>
      quizzes.writeQuizTranslation(request.actor, request.params.id, request.params.lessonId, request.params.locale, request.body),
  );
}
