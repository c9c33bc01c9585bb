import { Link } from "react-router";
import type { CohortSummaryDto } from "../../domain/programmes/dto.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import { useProgrammeFormat } from "./programme-format.ts";
import { ActionsColumnHeader } from "./row-action.tsx";

/** What the cohort's page offers a reader: joining an open cohort with seats, else how people join. */
function joinLabel(cohort: CohortSummaryDto) {
  if (cohort.status !== "open") return "programmes.cohort.details";
  if (cohort.enrolmentMode === "open") return cohort.seatsLeft > 0 ? "programmes.cohort.enrol" : "programmes.cohort.details";
  return cohort.enrolmentMode === "nomination" ? "programmes.cohort.howToApply" : "programmes.cohort.details";
}

/** A programme's cohorts: when, in which language, how people join, and the seats left. */
export function CohortTable({
  programmeSlug,
  cohorts,
  manage = false,
}: {
  programmeSlug: string;
  cohorts: CohortSummaryDto[];
  manage?: boolean;
}) {
  const t = useT();
  const href = useHref();
  const format = useProgrammeFormat();
  const numbers = useFormat();
  return (
    <table className="stacked-table">
      <thead>
        <tr>
          <th scope="col">{t("programmes.label.cohort")}</th>
          <th scope="col">{t("programmes.label.dates")}</th>
          <th scope="col">{t("programmes.label.language")}</th>
          <th scope="col">{t("programmes.label.mode")}</th>
          <th scope="col">{t("programmes.label.seats")}</th>
          <th scope="col">{t("programmes.label.status")}</th>
          {!manage && <ActionsColumnHeader />}
        </tr>
      </thead>
      <tbody>
        {cohorts.map((cohort) => (
          <tr key={cohort.id}>
            <td data-label={t("programmes.label.cohort")}>
              <Link to={href(manage ? `/manage/cohorts/${cohort.id}` : `/programmes/${programmeSlug}/cohorts/${cohort.id}`)}>
                {cohort.name}
              </Link>
            </td>
            <td data-label={t("programmes.label.dates")}>{format.dates(cohort.startsOn, cohort.endsOn)}</td>
            <td data-label={t("programmes.label.language")}>{format.language(cohort.locale)}</td>
            <td data-label={t("programmes.label.mode")}>{format.mode(cohort.enrolmentMode)}</td>
            <td data-label={t("programmes.label.seats")}>
              {t("programmes.cohort.seats", { left: numbers.number(cohort.seatsLeft), capacity: numbers.number(cohort.capacity) })}
            </td>
            <td data-label={t("programmes.label.status")}>{format.cohortStatus(cohort.status)}</td>
            {!manage && (
              <td>
                <Link to={href(`/programmes/${programmeSlug}/cohorts/${cohort.id}`)} aria-label={`${t(joinLabel(cohort))}: ${cohort.name}`}>
                  {t(joinLabel(cohort))}
                </Link>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
