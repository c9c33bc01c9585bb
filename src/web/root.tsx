import type { ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import { direction, isLocale, negotiateLocale } from "../i18n/locales.ts";
import { messagesFor } from "../i18n/translator.server.ts";
import type { Route } from "./+types/root.ts";
import { appContext } from "./context.ts";
import { csrfMiddleware, csrfToken } from "./csrf.server.ts";
import { wantsScripts } from "./hydration.ts";
import { useT } from "./i18n.tsx";
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
    user: actor ? { name: actor.name, email: actor.email, roles: actor.roles } : null,
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
        {hydrate && <ScrollRestoration nonce={data?.nonce} />}
        {hydrate && <Scripts nonce={data?.nonce} />}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="page narrow" id="main">
      <h1>{t(notFound ? "common.notFound.title" : "common.error.title")}</h1>
      <p>{t(notFound ? "common.notFound.body" : "common.error.body")}</p>
    </main>
  );
}
