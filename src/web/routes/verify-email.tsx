import { Form, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary } from "../components/form-fields.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useT } from "../i18n.tsx";
import { sessionCookie } from "../session.server.ts";
import type { Route } from "./+types/verify-email.ts";

/**
 * The mailed link opens a page with one button rather than confirming on GET: mail scanners
 * fetch links before people do, and would use up the one-time token.
 */
export function loader({ params }: Route.LoaderArgs) {
  return { title: translatorFor(routeLocale(params))("identity.verify.title") };
}

export async function action({ params, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services, secureCookies, actor } = context.get(appContext);
  try {
    const { sessionToken, locale: theirs } = await services.identity.verifyEmail({ token: params.token });
    if (sessionToken)
      return redirect(`/${theirs}/account?emailVerified`, { headers: { "set-cookie": sessionCookie(sessionToken, secureCookies) } });
    // A change signs no one in: the owner sees it on their account page, anyone else is asked to sign in.
    return redirect(
      actor ? `/${locale}/account?emailChanged` : `/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/account?emailChanged`)}`,
    );
  } catch (error) {
    return failureWithValues(error, locale, {});
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function VerifyEmail({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.verify.title")}</h1>
      <p>{t("identity.verify.lead")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={actionData?.fields} labels={{}} />
        <button type="submit">{t("identity.verify.submit")}</button>
      </Form>
    </main>
  );
}
