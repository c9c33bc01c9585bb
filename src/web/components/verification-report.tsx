import type { VerificationReport } from "../../domain/credentials/dto.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useT } from "../i18n.tsx";

const badge = { passed: "badge ok", failed: "badge danger", skipped: "badge" } as const;

/** A verification, check by check: which check, its outcome, and in words what it found. */
export function VerificationResult({ report }: { report: VerificationReport }) {
  const t = useT();
  return (
    <section aria-labelledby="verify-result" className="card">
      <h2 id="verify-result">{t("credentials.verify.result")}</h2>
      <p role="status" className={report.verified ? "notice" : "form-error"}>
        <strong>{report.verified ? t("credentials.verify.valid") : t("credentials.verify.invalid")}</strong>
      </p>
      {report.credential?.name && (
        <p>
          <bdi>{report.credential.name}</bdi>
          {report.credential.issuerName && (
            <>
              {" · "}
              {t("credentials.wallet.issuedBy", { issuer: report.credential.issuerName })}
            </>
          )}
        </p>
      )}
      <h3>{t("credentials.verify.checks")}</h3>
      <ul className="plain-list verification-checks">
        {report.checks.map((check) => (
          <li key={check.check} data-check={check.check} data-outcome={check.outcome}>
            <strong>{t(`credentials.check.${check.check}` as MessageId)}</strong>{" "}
            <span className={badge[check.outcome]}>{t(`credentials.outcome.${check.outcome}` as MessageId)}</span>
            <br />
            <span>{t(`credentials.code.${check.code}` as MessageId)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
