import { describe, expect, test } from "vitest";
import type { QuizKey } from "../catalogue/dto.ts";
import { answerProblems, grade, normaliseShortAnswer } from "./grading.ts";

const key: QuizKey = {
  passingScore: 70,
  maxAttempts: null,
  questions: [
    {
      id: "s",
      kind: "single",
      points: 1,
      prompt: "",
      feedback: "",
      answerTrue: null,
      optionIds: ["a", "b"],
      correctOptionIds: ["a"],
      acceptedAnswers: [],
    },
    {
      id: "m",
      kind: "multiple",
      points: 1,
      prompt: "",
      feedback: "",
      answerTrue: null,
      optionIds: ["x", "y", "z"],
      correctOptionIds: ["x", "z"],
      acceptedAnswers: [],
    },
    {
      id: "t",
      kind: "true_false",
      points: 1,
      prompt: "",
      feedback: "",
      answerTrue: false,
      optionIds: [],
      correctOptionIds: [],
      acceptedAnswers: [],
    },
    {
      id: "w",
      kind: "short_answer",
      points: 7,
      prompt: "",
      feedback: "",
      answerTrue: null,
      optionIds: [],
      correctOptionIds: [],
      acceptedAnswers: ["Перевёрнутый класс", "Café"],
    },
  ],
};

describe("grading", () => {
  test("short answers ignore case, outer and repeated spaces, and compatibility forms", () => {
    expect(normaliseShortAnswer("  ＭＯＯＤＬＥ  ")).toBe("moodle");
    expect(normaliseShortAnswer("ПЕРЕВЁРНУТЫЙ   класс")).toBe(normaliseShortAnswer("Перевёрнутый класс"));
    // A precomposed é and e + combining accent are the same answer.
    expect(normaliseShortAnswer("Cafe\u0301")).toBe(normaliseShortAnswer("Caf\u00e9"));
  });

  test("each kind is all or nothing; multiple choice needs exactly the right set", () => {
    expect(grade(key, { s: "a", m: ["z", "x"], t: false, w: " перевёрнутый КЛАСС" })).toMatchObject({
      score: 10,
      percent: 100,
      passed: true,
    });
    expect(grade(key, { m: ["x"] }).questions[1]?.correct).toBe(false);
    expect(grade(key, { m: ["x", "y", "z"] }).questions[1]?.correct).toBe(false);
    expect(grade(key, { t: true }).questions[2]?.correct).toBe(false);
  });

  test("the percentage is rounded down against the pass mark", () => {
    // 7 of 10 points is exactly 70 %: a pass; 3 of 10 is not.
    expect(grade(key, { w: "cafe\u0301" })).toMatchObject({ score: 7, maxScore: 10, percent: 70, passed: true });
    expect(grade({ ...key, passingScore: 67 }, { s: "a", m: ["x", "z"] })).toMatchObject({ percent: 20, passed: false });
    const thirds: QuizKey = { ...key, passingScore: 67, questions: key.questions.slice(0, 3) };
    expect(grade(thirds, { s: "a", t: false })).toMatchObject({ percent: 66, passed: false });
  });

  test("answers about unknown questions or options, or of the wrong shape, are problems", () => {
    expect(answerProblems(key, { s: "a", m: [], t: true, w: "" })).toEqual([]);
    expect(answerProblems(key, { nope: true, s: "c", m: "x", t: "false" }).map((p) => [p.path, p.message])).toEqual([
      ["answers.nope", "unknownQuestion"],
      ["answers.s", "unknownOption"],
      ["answers.m", "wrongAnswer"],
      ["answers.t", "wrongAnswer"],
    ]);
  });
});
