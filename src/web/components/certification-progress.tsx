import { Link } from "react-router";
import type { AwardDto, ConditionProgressDto, ProgressNodeDto } from "../../domain/certifications/dto.ts";
import { useFormat, useT } from "../i18n.tsx";

function ConditionItem({ condition }: { condition: ConditionProgressDto }) {
  const t = useT();
  const args = { label: condition.label, done: condition.done ?? 0, needed: condition.needed ?? 0 };
  const evidence = condition.evidence;
  return (
    <li className="condition" data-met={condition.met ? "yes" : "no"}>
      <span className={condition.met ? "tag status" : "tag"}>
        {t(condition.met ? "certifications.condition.met" : "certifications.condition.notMet")}
      </span>{" "}
      <bdi>{t(`certifications.condition.${condition.kind}`, args)}</bdi>
      {!condition.met && condition.href && (
        <>
          {" "}
          {condition.href.startsWith("#") ? (
            <a href={condition.href}>{t("certifications.condition.go")}</a>
          ) : (
            <Link to={condition.href}>{t("certifications.condition.go")}</Link>
          )}
        </>
      )}
      {evidence && (
        <p className="meta">
          {t("certifications.evidence.current", {
            file: evidence.fileName,
            status: t("certifications.evidence.status", { status: evidence.status }),
          })}
          {evidence.comment && (
            <>
              {" "}
              — <bdi>{evidence.comment}</bdi>
            </>
          )}
        </p>
      )}
    </li>
  );
}

/** A learner's progress tree: each group says how many of its conditions it needs, each condition whether it is met and where to go next. */
export function ProgressTree({ node }: { node: ProgressNodeDto }) {
  const t = useT();
  if (node.kind !== "group")
    return (
      <ul className="plain-list conditions">
        <ConditionItem condition={node} />
      </ul>
    );
  const heading = node.op === "atLeast" ? t("certifications.group.atLeast", { n: node.n }) : t(`certifications.group.${node.op}`);
  return (
    <div className="condition-group">
      <p>
        <strong>{heading}</strong>
      </p>
      <ul className="plain-list conditions">
        {node.rules.map((rule, i) =>
          rule.kind === "group" ? (
            <li key={i}>
              <ProgressTree node={rule} />
            </li>
          ) : (
            <ConditionItem key={rule.key} condition={rule} />
          ),
        )}
      </ul>
    </div>
  );
}

/** Where the learner's award stands, in one sentence. */
export function AwardStatus({ award }: { award: AwardDto }) {
  const t = useT();
  const format = useFormat();
  const until = award.validUntil ? format.date(award.validUntil) : "none";
  if (award.status === "revoked")
    return <p className="form-error">{t("certifications.award.revoked", { reason: award.statusReason ?? "" })}</p>;
  if (award.status === "suspended")
    return <p className="form-error">{t("certifications.award.suspended", { reason: award.statusReason ?? "" })}</p>;
  if (award.expired) return <p className="notice">{t("certifications.award.expired", { until })}</p>;
  return (
    <p className="notice" role="status" data-testid="award-status">
      {t("certifications.award.active", { until })}
    </p>
  );
}
