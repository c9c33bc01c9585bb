import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createUser } from "../../../tests/factories/users.ts";
import { failure } from "../../../tests/support/failure.ts";
import { createTestRuntime, type TestRuntime } from "../../../tests/support/runtime.ts";

/** Issue 11, point 8: a signed-in person changes their password; the other sessions end. */

let runtime: TestRuntime;
const identity = () => runtime.services.identity;

beforeAll(async () => {
  runtime = await createTestRuntime();
});

afterAll(async () => {
  await runtime?.close();
});

describe("changing one's password", () => {
  test("needs the current password and the new one twice; ends every other session, keeps this one", async () => {
    const { email, password } = await createUser(runtime.services);
    const here = await identity().signIn({ email, password, clientKey: "laptop" });
    const elsewhere = await identity().signIn({ email, password, clientKey: "phone" });
    const newPassword = "a new and longer passphrase";

    const wrong = await failure(
      identity().changePassword(here.actor, { currentPassword: "not it", newPassword, confirmation: newPassword }, here.sessionToken),
    );
    expect(wrong.fields).toEqual([expect.objectContaining({ path: "currentPassword", messageId: "identity.field.currentPasswordWrong" })]);
    const differs = await failure(
      identity().changePassword(here.actor, { currentPassword: password, newPassword, confirmation: "typo" }, here.sessionToken),
    );
    expect(differs.fields[0]).toMatchObject({ path: "confirmation" });
    expect((await failure(identity().changePassword(null, {}, null))).code).toBe("unauthenticated");

    const changed = await identity().changePassword(
      here.actor,
      { currentPassword: password, newPassword, confirmation: newPassword },
      here.sessionToken,
    );
    expect(changed).toEqual({ sessionsEnded: 1 });
    expect(await identity().authenticate({ sessionToken: elsewhere.sessionToken })).toBeNull();
    expect((await identity().authenticate({ sessionToken: here.sessionToken }))?.userId).toBe(here.actor.userId);
    expect((await failure(identity().signIn({ email, password, clientKey: "again" }))).code).toBe("invalid_credentials");
    expect((await identity().signIn({ email, password: newPassword, clientKey: "again" })).actor.userId).toBe(here.actor.userId);
  });

  test("guessing the current password from an open session hits the sign-in limits", async () => {
    const { email, password } = await createUser(runtime.services);
    const { actor, sessionToken } = await identity().signIn({ email, password, clientKey: "shared-computer" });
    let last = "";
    for (let i = 0; i < 30 && last !== "rate_limited"; i++) {
      const refused = await failure(
        identity().changePassword(
          actor,
          { currentPassword: `guess ${i}`, newPassword: "whatever it is now", confirmation: "whatever it is now" },
          sessionToken,
        ),
      );
      last = refused.code;
    }
    expect(last).toBe("rate_limited");
  });
});
