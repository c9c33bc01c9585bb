import { data, Form, Link, redirect, useSearchParams } from "react-router";
import type { ProfileDto } from "../../domain/identity/dto.ts";
import { type RoleGrant, type TokenScope, tokenScopes } from "../../domain/shared/actor.ts";
import { isLocale, isolate, localeNames, locales } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { useEventFormat } from "../components/event-format.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { CheckboxGroup, ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { languageOptions } from "../components/profile-options.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { countryOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { readerZone, timeZoneOptions } from "../components/viewer-zone.server.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import { safeNext } from "../session.server.ts";
import type { Route } from "./+types/account.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const [profile, tokens] = await Promise.all([services.identity.me(actor), services.identity.listApiTokens(actor)]);
  const zones = timeZoneOptions(new Date());
  // A zone saved under a name this runtime no longer lists stays selected rather than being lost on the next save.
  if (profile.timeZone && !zones.some((z) => z.value === profile.timeZone))
    zones.unshift({ value: profile.timeZone, label: profile.timeZone });
  return {
    title: translatorFor(locale)("identity.account.title"),
    profile,
    tokens,
    zones,
    zone: readerZone(args.request, { actor }),
    countries: countryOptions(locale),
    languages: languageOptions(locale, profile.languages),
  };
}

/** What each of the page's forms sends back to be shown again after a failure. */
type AccountValues = {
  name?: string;
  timeZone?: string;
  expiresInDays?: string;
  scope?: string;
  email?: string;
  affiliation?: string;
  position?: string;
  country?: string;
  languages?: string[];
};

/** The "not set" choice of the time-zone select sends an empty value: the saved zone is cleared. */
const zoneField = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() ? value : null);

/**
 * One page, four forms; `intent` says which one was sent. `keepTimeZone` comes from the events
 * pages' time-zone form, which offers to keep a zone just chosen, and goes back there.
 */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "profile") {
    const chosen = form.get("locale");
    const values = {
      name: String(form.get("name") ?? ""),
      locale: isLocale(chosen) ? chosen : locale,
      timeZone: zoneField(form.get("timeZone")),
      affiliation: String(form.get("affiliation") ?? ""),
      position: String(form.get("position") ?? ""),
      country: String(form.get("country") ?? ""),
      languages: form.getAll("languages").map(String),
    };
    try {
      const profile = await services.identity.updateProfile(actor, values);
      // The page follows the language just chosen.
      return redirect(`/${profile.locale}/account?saved`);
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, { ...values, timeZone: values.timeZone ?? "" }, intent);
    }
  }
  if (intent === "keepTimeZone") {
    const timeZone = zoneField(form.get("timeZone"));
    try {
      await services.identity.updateProfile(actor, { timeZone });
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, { timeZone: timeZone ?? "" }, intent);
    }
    const back = new URL(safeNext(form.get("returnTo"), `/${locale}/events`), "http://orbis.invalid");
    back.searchParams.set("tzSaved", "");
    return redirect(back.pathname + back.search);
  }
  if (intent === "resendVerification") {
    try {
      const { sentTo } = await services.identity.resendVerification(actor, locale);
      return { ok: true as const, intent, newToken: null, sentTo };
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, {}, intent);
    }
  }
  if (intent === "changeEmail") {
    const values = { email: String(form.get("email") ?? "") };
    try {
      const { pendingEmail } = await services.identity.requestEmailChange(actor, {
        ...values,
        currentPassword: String(form.get("currentPassword") ?? ""),
        locale,
      });
      return { ok: true as const, intent, newToken: null, sentTo: pendingEmail };
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, values, intent);
    }
  }
  if (intent === "createToken") {
    const days = String(form.get("expiresInDays") ?? "").trim();
    const values = { name: String(form.get("name") ?? ""), expiresInDays: days, scope: String(form.get("scope") ?? "") };
    try {
      const created = await services.identity.createApiToken(actor, {
        name: values.name,
        expiresInDays: days ? Number(days) : undefined,
        scope: values.scope as TokenScope,
      });
      return { ok: true as const, intent, newToken: { name: created.name, token: created.token }, sentTo: null };
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, values, intent);
    }
  }
  if (intent === "revokeToken") {
    try {
      await services.identity.revokeApiToken(actor, String(form.get("id") ?? ""));
      return { ok: true as const, intent, newToken: null, sentTo: null };
    } catch (error) {
      return failureWithValues<AccountValues>(error, locale, {}, intent);
    }
  }
  throw data(null, { status: 400 });
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

type EmailFailure = { intent?: string; formError?: string; fields?: Record<string, string>; values: AccountValues } | undefined;

/** The address's state (confirmed, waiting for a new one), the link sent again, and the change form. */
function EmailStatus({ profile, sentTo, failed }: { profile: ProfileDto; sentTo: string | null; failed: EmailFailure }) {
  const t = useT();
  const [search] = useSearchParams();
  const changeErrors = failed?.intent === "changeEmail" ? failed : undefined;
  const labels = { email: t("identity.field.newEmail"), currentPassword: t("identity.field.currentPassword") };
  return (
    <>
      {search.has("emailVerified") && (
        <p className="notice" role="status">
          {t("identity.account.emailVerified")}
        </p>
      )}
      {search.has("emailChanged") && (
        <p className="notice" role="status">
          {t("identity.account.emailChanged")}
        </p>
      )}
      {sentTo && (
        <p className="notice" role="status">
          {t("identity.account.resent", { email: isolate(sentTo) })}
        </p>
      )}
      {failed?.intent === "resendVerification" && (
        <p className="form-error" role="alert">
          {failed.formError}
        </p>
      )}
      {!profile.emailVerified && <p>{t("identity.account.unverified")}</p>}
      {profile.pendingEmail && <p>{t("identity.account.pendingEmail", { email: isolate(profile.pendingEmail) })}</p>}
      {(!profile.emailVerified || profile.pendingEmail) && (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="resendVerification" />
          <button type="submit" className="secondary">
            {t("identity.account.resend")}
          </button>
        </Form>
      )}
      <details className="email-change" open={Boolean(changeErrors)}>
        <summary>{t("identity.emailChange.title")}</summary>
        <p className="meta">{t("identity.emailChange.lead")}</p>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="changeEmail" />
          <ErrorSummary formError={changeErrors?.formError} errors={changeErrors?.fields} labels={labels} idPrefix="email" />
          <TextField
            name="email"
            type="email"
            idPrefix="email"
            label={labels.email}
            errors={changeErrors?.fields}
            defaultValue={changeErrors?.values.email}
            required
          />
          <TextField
            name="currentPassword"
            type="password"
            idPrefix="email"
            label={labels.currentPassword}
            errors={changeErrors?.fields}
            required
          />
          <button type="submit">{t("identity.emailChange.submit")}</button>
        </Form>
      </details>
    </>
  );
}

function RoleList({ roles }: { roles: RoleGrant[] }) {
  const t = useT();
  return (
    <ul>
      {roles.map((grant) => {
        const role = t(`identity.role.${grant.role}` as MessageId);
        return (
          <li key={`${grant.role}:${grant.organisationId}`}>
            {grant.organisationId ? t("identity.account.inOrganisation", { role }) : role}
          </li>
        );
      })}
    </ul>
  );
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dates = useEventFormat();
  const href = useHref();
  const locale = useLocale();
  const [search] = useSearchParams();
  const { profile, tokens, zones, zone, countries, languages } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : undefined;
  const done = actionData?.ok ? actionData : undefined;
  const profileErrors = failed?.intent === "profile" || failed?.intent === "keepTimeZone" ? failed : undefined;
  const tokenErrors = failed?.intent === "createToken" ? failed : undefined;
  const profileLabels = {
    name: t("identity.field.name"),
    locale: t("identity.field.locale"),
    timeZone: t("identity.field.timeZone"),
    affiliation: t("identity.field.affiliation"),
    position: t("identity.field.position"),
    country: t("identity.field.country"),
    languages: t("identity.field.languages"),
  };
  const tokenLabels = {
    name: t("identity.tokens.name"),
    expiresInDays: t("identity.tokens.expiresInDays"),
    scope: t("identity.tokens.scope"),
  };
  const when = (iso: string) => dates.short(iso, zone);
  const languageName = new Map(languages.map((option) => [option.value, option.label]));
  const chosenLanguages = new Intl.ListFormat(locale, { type: "unit" }).format(
    profile.languages.map((code) => languageName.get(code) ?? code),
  );
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.account.title")}</h1>
      {search.has("passwordChanged") && (
        <p className="notice" role="status">
          {t("identity.account.passwordChanged")}
        </p>
      )}

      <ul className="account-links">
        <li>
          <Link to={href("/account/password")}>{t("identity.password.title")}</Link>
        </li>
        <li>
          {/* A file, not a page: a plain link with download (no client-side navigation). */}
          <a href={href("/account/export")} download>
            {t("identity.export.link")}
          </a>{" "}
          <span className="meta">{t("identity.export.hint")}</span>
        </li>
      </ul>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("identity.account.profile")}</h2>
        <dl>
          <dt>{t("identity.field.email")}</dt>
          <dd>
            <bdi dir="ltr">{profile.email}</bdi>{" "}
            <span className={profile.emailVerified ? "badge ok" : "badge warn"}>
              {t(profile.emailVerified ? "identity.account.emailVerifiedShort" : "identity.account.unverifiedShort")}
            </span>
          </dd>
          <dt>{t("identity.account.roles")}</dt>
          <dd>
            <RoleList roles={profile.roles} />
          </dd>
        </dl>
        <EmailStatus profile={profile} sentTo={done?.sentTo ?? null} failed={failed} />
        {search.has("saved") && (
          <p className="notice" role="status">
            {t("common.saved")}
          </p>
        )}
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <ErrorSummary formError={profileErrors?.formError} errors={profileErrors?.fields} labels={profileLabels} idPrefix="profile" />
          <TextField
            name="name"
            idPrefix="profile"
            label={profileLabels.name}
            errors={profileErrors?.fields}
            defaultValue={profileErrors?.values.name ?? profile.name}
            required
          />
          <TextField
            name="affiliation"
            idPrefix="profile"
            label={profileLabels.affiliation}
            hint={t("identity.field.affiliationHint")}
            errors={profileErrors?.fields}
            defaultValue={profileErrors?.values.affiliation ?? profile.affiliation ?? ""}
          />
          <TextField
            name="position"
            idPrefix="profile"
            label={profileLabels.position}
            errors={profileErrors?.fields}
            defaultValue={profileErrors?.values.position ?? profile.position ?? ""}
          />
          <SelectField
            name="country"
            idPrefix="profile"
            label={profileLabels.country}
            errors={profileErrors?.fields}
            options={countries}
            emptyLabel={t("identity.field.countryUnset")}
            defaultValue={profileErrors?.values.country ?? profile.country ?? ""}
          />
          <details className="profile-languages" open={Boolean(profileErrors?.fields?.languages)}>
            <summary>
              {profileLabels.languages}: {chosenLanguages || t("identity.field.languagesUnset")}
            </summary>
            <CheckboxGroup
              name="languages"
              idPrefix="profile"
              label={profileLabels.languages}
              errors={profileErrors?.fields}
              options={languages}
              checked={profileErrors?.values.languages ?? profile.languages}
            />
          </details>
          <SelectField
            name="locale"
            idPrefix="profile"
            label={profileLabels.locale}
            errors={profileErrors?.fields}
            options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
            defaultValue={profile.locale}
          />
          <SelectField
            name="timeZone"
            idPrefix="profile"
            label={profileLabels.timeZone}
            hint={t("identity.field.timeZoneHint")}
            errors={profileErrors?.fields}
            options={zones}
            emptyLabel={t("identity.field.timeZoneUnset")}
            defaultValue={profileErrors?.values.timeZone ?? profile.timeZone ?? ""}
          />
          <button type="submit">{t("common.save")}</button>
        </Form>
      </section>

      {/* Scripts are for a few: the tokens wait behind a disclosure, open when one was just made, revoked or refused. */}
      <details
        className="advanced"
        open={Boolean(
          done?.newToken || done?.intent === "revokeToken" || failed?.intent === "createToken" || failed?.intent === "revokeToken",
        )}
      >
        <summary>{t("identity.account.advanced")}</summary>
        <section aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">{t("identity.tokens.title")}</h2>
          <p>{t("identity.tokens.intro")}</p>
          {done?.newToken && (
            <div className="notice" role="status">
              <p>{t("identity.tokens.created", { name: isolate(done.newToken.name) })}</p>
              <p>
                <code className="new-token" dir="ltr">
                  {done.newToken.token}
                </code>
              </p>
            </div>
          )}
          {done?.intent === "revokeToken" && (
            <p className="notice" role="status">
              {t("identity.tokens.revoked")}
            </p>
          )}
          {failed?.intent === "revokeToken" && (
            <p className="form-error" role="alert">
              {failed.formError}
            </p>
          )}
          {tokens.length === 0 ? (
            <p>{t("identity.tokens.none")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("identity.tokens.name")}</th>
                  <th scope="col">{t("identity.tokens.createdAt")}</th>
                  <th scope="col">{t("identity.tokens.lastUsed")}</th>
                  <th scope="col">{t("identity.tokens.scope")}</th>
                  <th scope="col">{t("identity.tokens.expires")}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <th scope="row">{token.name}</th>
                    <td>{when(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? when(token.lastUsedAt) : t("identity.tokens.never")}</td>
                    <td>{t(`identity.tokens.scope.${token.scope}`)}</td>
                    <td>{when(token.expiresAt)}</td>
                    <td>
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="revokeToken" />
                        <input type="hidden" name="id" value={token.id} />
                        <button type="submit" className="danger" aria-label={t("identity.tokens.revokeLabel", { name: token.name })}>
                          {t("identity.tokens.revoke")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="createToken" />
            <ErrorSummary formError={tokenErrors?.formError} errors={tokenErrors?.fields} labels={tokenLabels} idPrefix="token" />
            <TextField
              name="name"
              idPrefix="token"
              label={tokenLabels.name}
              errors={tokenErrors?.fields}
              defaultValue={tokenErrors?.values.name}
              required
            />
            <TextField
              name="expiresInDays"
              idPrefix="token"
              type="number"
              inputMode="numeric"
              label={tokenLabels.expiresInDays}
              hint={t("identity.tokens.expiresHint")}
              errors={tokenErrors?.fields}
              defaultValue={tokenErrors?.values.expiresInDays}
            />
            <SelectField
              name="scope"
              idPrefix="token"
              label={tokenLabels.scope}
              hint={t("identity.tokens.scopeHint")}
              options={tokenScopes.map((scope) => ({ value: scope, label: t(`identity.tokens.scope.${scope}`) }))}
              errors={tokenErrors?.fields}
              defaultValue={tokenErrors?.values.scope ?? "read"}
            />
            <button type="submit">{t("identity.tokens.create")}</button>
          </Form>
        </section>
      </details>
    </main>
  );
}
