import { useT } from "../i18n.tsx";
import type { Route } from "./+types/home.ts";

export function meta({ matches }: Route.MetaArgs) {
  void matches;
  return [{ title: "Orbis" }];
}

export default function Home() {
  const t = useT();
  return (
    <main id="main" className="page">
      <h1>{t("common.appName")}</h1>
      <p className="lead">{t("common.tagline")}</p>
    </main>
  );
}
