import type { ReactNode } from "react";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError, useRouteLoaderData } from "react-router";
import { direction, isLocale, negotiateLocale } from "../i18n/locales.ts";
import { createTranslator } from "../i18n/translate.ts";
import { messagesFor } from "../i18n/translator.server.ts";
import type { Route } from "./+types/root.ts";
import { ErrorPage, errorTexts } from "./components/error-page.tsx";
import { pageTitle } from "./components/route-locale.ts";
import { appContext } from "./context.ts";
import { csrfMiddleware, csrfToken } from "./csrf.server.ts";
import { focusErrorSummary } from "./focus-script.ts";
import { wantsScripts } from "./hydration.ts";
import stylesUrl from "./styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const middleware: Route.MiddlewareFunction[] = [csrfMiddleware];

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const locale = isLocale(params.lang) ? params.lang : negotiateLocale(request.headers.get("accept-language"));
  const { actor, cspNonce } = context.get(appContext);
  return {
    locale,
    dir: direction(locale),
    messages: messagesFor(locale),
    nonce: cspNonce,
    csrf: context.get(csrfToken),
    user: actor ? { name: actor.name, email: actor.email, roles: actor.roles, emailVerified: actor.emailVerified !== false } : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale = data?.locale ?? "en";
  const hydrate = wantsScripts(useMatches());
  return (
    <html lang={locale} dir={direction(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {/* After a failed post the page comes back with its error summary: focus it so keyboard and
            screen-reader users start at the problems. Pages otherwise ship no script (decision 7). */}
        <script nonce={data?.nonce || undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: focusErrorSummary }} />
        {hydrate && <ScrollRestoration nonce={data?.nonce || undefined} />}
        {hydrate && <Scripts nonce={data?.nonce || undefined} />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** Pages name themselves; an error page is named by the error boundary's text. */
export function meta({ error, loaderData }: Route.MetaArgs) {
  if (!error || !loaderData) return [];
  return pageTitle(createTranslator(loaderData.locale, loaderData.messages)(errorTexts(error)[0]));
}

/** Errors outside a language's pages (the language layout has its own boundary, inside the site's header). */
export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
