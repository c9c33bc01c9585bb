import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import type { RoleGrant } from "../../src/domain/shared/actor.ts";
import { createCentre, createOrganisation } from "../factories/network.ts";
import { createProgrammeWithCohort, nominationCsv } from "../factories/programmes.ts";
import { createTestApp, createTestRuntime, type TestRuntime } from "../support/runtime.ts";

let runtime: TestRuntime;
let app: FastifyInstance;
let centreId: string;
let institutionId: string;
let cohortId: string;
let programmeSlug: string;
let admin: { authorization: string };
let staff: { authorization: string };

/** A Bearer header for a new account holding the given roles. */
async function bearer(...roles: RoleGrant[]): Promise<{ authorization: string }> {
  const email = `api-${crypto.randomUUID()}@orbis.test`;
  const password = "correct horse battery staple";
  await runtime.services.identity.createUser({ email, name: "API tester", password, roles });
  const { actor } = await runtime.services.identity.signIn({ email, password, clientKey: "programmes-api-test" });
  const { token } = await runtime.services.identity.createApiToken(actor, { name: "programmes tests" });
  return { authorization: `Bearer ${token}` };
}

/** A multipart body with one file part, as a browser or curl -F sends it. */
function multipart(fileName: string, bytes: Uint8Array, contentType = "text/csv") {
  const boundary = `----orbis${crypto.randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const body = Buffer.concat([head, Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  runtime = await createTestRuntime();
  app = await createTestApp(runtime);
  centreId = (await createCentre(runtime.services, { country: "KE" })).id;
  institutionId = (await createOrganisation(runtime.services, { name: "Api Programme University", country: "KE" })).id;
  const made = await createProgrammeWithCohort(runtime, centreId, { institutionQuota: 10 });
  cohortId = made.cohort.id;
  programmeSlug = made.programme.slug;
  admin = await bearer({ role: "institution_admin", organisationId: institutionId });
  staff = await bearer({ role: "centre_staff", organisationId: centreId });
});

afterAll(async () => {
  await app.close();
  await runtime.close();
});

describe("programmes API", () => {
  test("lists published programmes with a total, and shows one by slug with its cohorts", async () => {
    const list = await app.inject({ method: "GET", url: "/api/v1/programmes?limit=5" });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, limit: 5, offset: 0 });
    const one = await app.inject({ method: "GET", url: `/api/v1/programmes/${programmeSlug}?lang=fr` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ shownLocale: "en", courseCount: 2, cohorts: [{ id: cohortId, enrolmentMode: "nomination" }] });
    expect((await app.inject({ method: "GET", url: "/api/v1/programmes/no-such-programme" })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}` })).json()).toMatchObject({ participants: null });
  });

  test("uploads a list for a preview, then confirms only its valid rows", async () => {
    const csv = nominationCsv([
      ["Achieng", "achieng@api.test", "ICT", "Lecturer"],
      ["Broken", "broken@", "", ""],
    ]);
    const request = multipart("staff.csv", csv);
    const answer = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations/preview`,
      headers: { ...admin, ...request.headers },
      payload: request.payload,
    });
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ validCount: 1, problemCount: 1, quota: { limit: 10, used: 0, left: 10 } });
    expect(body.rows[1].problems).toEqual(["invalid_email"]);
    expect((await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/nominations`, headers: admin })).json()).toEqual([]);

    const confirmed = await app.inject({ method: "POST", url: `/api/v1/nomination-uploads/${body.uploadId}/confirm`, headers: admin });
    expect(confirmed.json()).toEqual({ nominated: 1, accountsCreated: 1, skipped: 1 });
    const [nomination] = (await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/nominations`, headers: staff })).json();
    expect(nomination).toMatchObject({ status: "pending", department: "ICT", user: { email: "achieng@api.test" } });

    const decided = await app.inject({
      method: "POST",
      url: `/api/v1/nominations/${nomination.id}/decision`,
      headers: staff,
      payload: { decision: "approved" },
    });
    expect(decided.json()).toMatchObject({ status: "approved" });
    const again = await app.inject({
      method: "POST",
      url: `/api/v1/nominations/${nomination.id}/decision`,
      headers: staff,
      payload: { decision: "declined" },
    });
    expect(again.statusCode).toBe(409);
  });

  test("declining a nomination mails the person, after mailing the new account its invitation", async () => {
    const { cohort, programme } = await createProgrammeWithCohort(runtime, centreId);
    const nominated = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohort.id}/nominations?lang=es`,
      headers: admin,
      payload: { name: "Wanjiru", email: "wanjiru@api.test" },
    });
    expect(nominated.statusCode).toBe(201);
    await runtime.deliverMail();
    const invitation = runtime.mailer.sent.findLast((m) => m.to === "wanjiru@api.test");
    expect(invitation?.subject).toBe(`Te han nominado: ${programme.title}`);

    const declined = await app.inject({
      method: "POST",
      url: `/api/v1/nominations/${nominated.json().id}/decision`,
      headers: staff,
      payload: { decision: "declined" },
    });
    expect(declined.json()).toMatchObject({ status: "declined" });
    await runtime.deliverMail();
    // In the account's language (made in the nominator's), naming the cohort and the way back.
    const mail = runtime.mailer.sent.findLast((m) => m.to === "wanjiru@api.test")!;
    expect(mail.subject).toBe(`Sobre tu nominación: ${programme.title}`);
    expect(mail.text).toContain(`la cohorte «${cohort.name}», para la que Api Programme University te había nominado`);
    expect(mail.text).toContain("Api Programme University puede volver a nominarte para una cohorte posterior");
    expect(mail.text).toContain(`http://orbis.test/es/programmes/${programme.slug}`);
  });

  test("accepts XLSX, and refuses bad files with a translated message", async () => {
    const book = await writeXlsxFile([
      [{ value: "Имя" }, { value: "Email" }],
      [{ value: "Нурлан" }, { value: "nurlan@api.test" }],
    ]).toBuffer();
    const xlsx = multipart("staff.xlsx", book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const fromXlsx = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations/preview`,
      headers: { ...admin, ...xlsx.headers },
      payload: xlsx.payload,
    });
    expect(fromXlsx.json().rows).toMatchObject([{ name: "Нурлан", email: "nurlan@api.test", problems: [] }]);

    const latin1 = multipart("staff.csv", new Uint8Array([...Buffer.from("name,email\nJos"), 0xe9, ...Buffer.from(",jose@api.test\n")]));
    const refused = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations/preview?lang=es`,
      headers: { ...admin, ...latin1.headers },
      payload: latin1.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].path).toBe("file");

    const big = multipart("big.csv", new Uint8Array(5 * 1024 * 1024 + 10).fill(0x61));
    const tooLarge = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations/preview`,
      headers: { ...admin, ...big.headers },
      payload: big.payload,
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.fields[0].message).toContain("5 MB");

    const json = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations/preview`,
      headers: admin,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(415);
    const anonymous = await app.inject({ method: "POST", url: `/api/v1/cohorts/${cohortId}/nominations/preview`, ...latin1 });
    expect(anonymous.statusCode).toBe(401);
  });

  test("nominates one person, refuses strangers, and reports in JSON, CSV and XLSX", async () => {
    const single = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations`,
      headers: admin,
      payload: { name: "Wambui", email: "wambui@api.test", jobTitle: "Tutor" },
    });
    expect(single.statusCode).toBe(201);
    const twice = await app.inject({
      method: "POST",
      url: `/api/v1/cohorts/${cohortId}/nominations`,
      headers: admin,
      payload: { name: "Wambui", email: "WAMBUI@api.test" },
    });
    expect(twice.statusCode).toBe(409);
    const learner = await bearer({ role: "learner", organisationId: null });
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/v1/cohorts/${cohortId}/nominations`,
          headers: learner,
          payload: { name: "X", email: "x@api.test" },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/report`, headers: learner })).statusCode).toBe(403);

    const report = await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/report`, headers: staff });
    expect(report.json().totals).toMatchObject({ nominated: 2, approved: 1, enrolled: 1 });
    const csv = await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/report?format=csv&lang=ru`, headers: staff });
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.body).toContain("Имя");
    const xlsx = await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohortId}/report?format=xlsx`, headers: admin });
    expect(xlsx.headers["content-disposition"]).toMatch(/attachment; filename=".+\.xlsx"/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("leaving and removal API", () => {
  test("a participant leaves with DELETE /enrolment, the seat is reused, and staff remove with DELETE /participants/{userId}", async () => {
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open", capacity: 1 });
    const first = await bearer();
    const second = await bearer();
    const join = (who: { authorization: string }) =>
      app.inject({ method: "POST", url: `/api/v1/cohorts/${cohort.id}/enrolment`, headers: who });
    const leave = (who: { authorization: string }) =>
      app.inject({ method: "DELETE", url: `/api/v1/cohorts/${cohort.id}/enrolment?lang=es`, headers: who });
    expect((await join(first)).statusCode).toBe(200);
    expect((await join(second)).statusCode).toBe(409);

    expect((await app.inject({ method: "DELETE", url: `/api/v1/cohorts/${cohort.id}/enrolment` })).statusCode).toBe(401);
    const left = await leave(first);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ seatsLeft: 1, viewer: { participant: false, canEnrol: true }, progress: null });
    expect((await leave(first)).statusCode).toBe(404);
    expect((await join(second)).statusCode).toBe(200);

    const seen = (await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohort.id}`, headers: staff })).json();
    const userId = seen.participants[0].userId;
    const remove = (who: { authorization: string }) =>
      app.inject({ method: "DELETE", url: `/api/v1/cohorts/${cohort.id}/participants/${userId}`, headers: who });
    expect((await remove(first)).statusCode).toBe(403);
    expect((await remove(admin)).statusCode).toBe(403);
    const removed = await remove(staff);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ participantCount: 0, participants: [] });
    expect((await remove(staff)).statusCode).toBe(404);

    const report = await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohort.id}/report`, headers: staff });
    expect(report.json().totals).toMatchObject({ enrolled: 0, withdrawn: 2 });
    expect(report.json().people.every((p: { withdrawn: boolean }) => p.withdrawn)).toBe(true);
  });

  test("changes a cohort's facilitators, and names an unknown address in the field's message", async () => {
    const { cohort } = await createProgrammeWithCohort(runtime, centreId, { enrolmentMode: "open" });
    const url = `/api/v1/cohorts/${cohort.id}?lang=fr`;
    const unknown = await app.inject({ method: "PATCH", url, headers: staff, payload: { facilitatorEmails: ["personne@nulle.test"] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      expect.objectContaining({ path: "facilitatorEmails.0", message: "Aucun compte n’a l’adresse personne@nulle.test." }),
    ]);
    const email = `facilitator-${crypto.randomUUID()}@orbis.test`;
    await runtime.services.identity.createUser({ email, name: "Facilitatrice Api", password: "correct horse battery staple", roles: [] });
    const changed = await app.inject({ method: "PATCH", url, headers: staff, payload: { facilitatorEmails: [email] } });
    expect(changed.json()).toMatchObject({ facilitators: [{ name: "Facilitatrice Api" }], facilitatorEmails: [email] });
    const anonymous = await app.inject({ method: "GET", url: `/api/v1/cohorts/${cohort.id}` });
    expect(anonymous.json()).toMatchObject({ facilitators: [{ name: "Facilitatrice Api" }], facilitatorEmails: null });
  });
});
