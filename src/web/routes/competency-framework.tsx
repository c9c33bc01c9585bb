import { Link } from "react-router";
import type { FrameworkDto, ItemDto, TaughtInDto } from "../../domain/competencies/dto.ts";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { ShownLanguageNote } from "../components/shown-language-note.tsx";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/competency-framework.ts";

export async function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  const { services, actor } = context.get(appContext);
  const framework = await services.competencies.getFramework(actor, params.slug, locale);
  const [taught, others] = await Promise.all([
    services.competencies.whereTaught(actor, framework.id, locale),
    services.competencies.listFrameworks(null, { status: "published", limit: 100 }, locale),
  ]);
  // The frameworks this one is crosswalked with, either way round.
  const crosswalked = [];
  for (const other of others.items.filter((f) => f.id !== framework.id)) {
    const view = await services.competencies.crosswalkView(actor, framework.id, other.id, locale);
    if (view.rows.some((r) => r.matches.length)) crosswalked.push(other);
  }
  return { title: framework.title, framework, taught, crosswalked };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

function TaughtIn({ entries }: { entries: TaughtInDto[] | undefined }) {
  const t = useT();
  const href = useHref();
  const path = { course: "/courses/", programme: "/programmes/", event: "/events/" } as const;
  if (!entries?.length) return <p className="meta">{t("competencies.label.notTaught")}</p>;
  return (
    <div>
      <p className="meta">{t("competencies.label.taughtIn")}</p>
      <ul className="taught-in">
        {entries.map((entry) => (
          <li key={`${entry.target}-${entry.id}`}>
            <span className="tag">{t(`competencies.target.${entry.target}`)}</span>{" "}
            <Link to={href(`${path[entry.target]}${entry.slug}`)}>
              <bdi>{entry.title}</bdi>
            </Link>
            {entry.levelCode && <span className="meta"> · {entry.levelCode}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ItemTree({
  framework,
  parentId,
  taught,
}: {
  framework: FrameworkDto;
  parentId: string | null;
  taught: Record<string, TaughtInDto[]>;
}) {
  const t = useT();
  const children = framework.items.filter((i) => i.parentId === parentId);
  if (!children.length) return null;
  const levelName = (item: ItemDto) => framework.levels.find((l) => l.id === item.levelId)?.name;
  return (
    <ol className="competency-tree">
      {children.map((item) => (
        <li key={item.id} id={`item-${item.id}`} className={`competency-node competency-${item.kind}`}>
          <p className="competency-heading">
            {item.code && <span className="competency-code">{item.code}</span>} <bdi lang={item.shownLocale}>{item.title}</bdi>{" "}
            <span className="tag">{t(`competencies.kind.${item.kind}`)}</span>
            {levelName(item) && <span className="tag">{t("competencies.framework.levelOf", { level: levelName(item)! })}</span>}
          </p>
          {item.description && (
            <p>
              <bdi lang={item.shownLocale}>{item.description}</bdi>
            </p>
          )}
          {item.kind !== "area" && <TaughtIn entries={taught[item.id]} />}
          <ItemTree framework={framework} parentId={item.id} taught={taught} />
        </li>
      ))}
    </ol>
  );
}

/** A framework in the reader's language where ready: its levels, its tree, and where each competency is taught. */
export default function CompetencyFramework({ loaderData }: Route.ComponentProps) {
  const { framework, taught, crosswalked } = loaderData;
  const t = useT();
  const href = useHref();
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/competencies")}>{t("competencies.list.title")}</Link>
      </p>
      <h1>
        <bdi lang={framework.shownLocale}>{framework.title}</bdi>
      </h1>
      <ShownLanguageNote shownLocale={framework.shownLocale} />
      {framework.status === "superseded" && <p className="notice">{t("competencies.framework.superseded")}</p>}
      {framework.description && (
        <p className="lead">
          <bdi lang={framework.shownLocale}>{framework.description}</bdi>
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t("competencies.label.owner")}</dt>
          <dd>
            <bdi>{framework.owner.name}</bdi> · {t("competencies.label.version", { version: framework.version })}
          </dd>
        </div>
        {framework.licence && (
          <div>
            <dt>{t("competencies.label.licence")}</dt>
            <dd>
              <bdi>{framework.licence}</bdi>
            </dd>
          </div>
        )}
        {framework.officialSourceUrl && (
          <div>
            <dt>{t("competencies.label.source")}</dt>
            <dd>
              <a href={framework.officialSourceUrl} rel="noopener" dir="ltr" className="long-link">
                {framework.officialSourceUrl}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <p className="actions">
        <a
          className="button secondary"
          href={`/api/v1/competency-frameworks/${framework.id}/case`}
          download={`${framework.slug}-v${framework.version}.json`}
        >
          {t("competencies.framework.case")}
        </a>
      </p>
      {framework.levels.length > 0 && (
        <section aria-labelledby="levels-title">
          <h2 id="levels-title">{t("competencies.label.levels")}</h2>
          <ol className="competency-levels">
            {framework.levels.map((level) => (
              <li key={level.id}>
                <span className="competency-code">{level.code}</span> {level.name}
              </li>
            ))}
          </ol>
        </section>
      )}
      {crosswalked.length > 0 && (
        <section aria-labelledby="crosswalks-title">
          <h2 id="crosswalks-title">{t("competencies.framework.crosswalks")}</h2>
          <ul>
            {crosswalked.map((other) => (
              <li key={other.id}>
                <Link to={href(`/competencies/${framework.slug}/crosswalk/${other.slug}`)}>
                  {t("competencies.framework.crosswalkWith", { title: other.title })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="structure-title">
        <h2 id="structure-title">{t("competencies.framework.structure")}</h2>
        <ItemTree framework={framework} parentId={null} taught={taught} />
      </section>
    </main>
  );
}
