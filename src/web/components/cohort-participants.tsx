import type { ReactNode } from "react";
import type { ParticipantDto } from "../../domain/programmes/dto.ts";
import { useFormat, useT } from "../i18n.tsx";
import { ActionsColumnHeader } from "./row-action.tsx";

/** A cohort's participants for its centre's staff: who, for which institution, how far; `action` adds a last column. */
export function CohortParticipants({
  participants,
  action,
}: {
  participants: ParticipantDto[];
  action?: (p: ParticipantDto) => ReactNode;
}) {
  const t = useT();
  const numbers = useFormat();
  if (participants.length === 0) return null;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t("programmes.report.column.name")}</th>
          <th scope="col">{t("programmes.report.column.institution")}</th>
          <th scope="col">{t("programmes.report.column.coursesCompleted")}</th>
          {action && <ActionsColumnHeader />}
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => (
          <tr key={p.userId}>
            <td>
              {p.name}
              <br />
              <span className="meta">{p.email}</span>
            </td>
            <td>{p.institution?.name ?? t("programmes.report.noInstitution")}</td>
            <td>{t("programmes.progress.courses", { done: numbers.number(p.coursesCompleted), total: numbers.number(p.coursesTotal) })}</td>
            {action && <td className="row-actions">{action(p)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
