import type { Database } from "../../db/client.ts";
import type { Outbox } from "../notifications/service.ts";
import { withContext } from "../shared/compose.ts";
import { authenticate } from "./authentication.ts";
import type { IdentityContext } from "./context.ts";
import { requestEmailChange, resendVerification, verifyEmail } from "./email-verification.ts";
import { createInvitedAccounts } from "./invitations.ts";
import { changePassword } from "./password-change.ts";
import { requestPasswordReset, resetPassword } from "./password-reset.ts";
import { me, updateProfile } from "./profile.ts";
import { grantableRoles, grantRole, grantRoleByEmail, revokeRole } from "./roles.ts";
import { signOut } from "./sessions.ts";
import { signIn } from "./sign-in.ts";
import { signUp } from "./sign-up.ts";
import { teamOf } from "./team.ts";
import { createApiToken, issueApiToken, listApiTokens, revokeApiToken } from "./tokens.ts";
import { createUser, listUsers } from "./users.ts";

export type IdentityDeps = { db: Database; outbox: Outbox; publicUrl: string; now?: () => Date };

export function createIdentityService(deps: IdentityDeps) {
  const ctx: IdentityContext = { db: deps.db, outbox: deps.outbox, publicUrl: deps.publicUrl, now: deps.now ?? (() => new Date()) };
  return {
    ...withContext(ctx, {
      authenticate,
      signUp,
      verifyEmail,
      resendVerification,
      requestEmailChange,
      signIn,
      signOut,
      requestPasswordReset,
      resetPassword,
      changePassword,
      createApiToken,
      issueApiToken,
      listApiTokens,
      revokeApiToken,
      me,
      updateProfile,
      createUser,
      listUsers,
      grantRole,
      grantRoleByEmail,
      revokeRole,
      grantableRoles,
      teamOf,
    }),
    /** For other modules' writes (an institution nominating its staff): accounts made in the caller's transaction. */
    createInvitedAccounts,
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
