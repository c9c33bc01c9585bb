import { useSearchParams } from "react-router";
import type { MessageId } from "../../i18n/messages/index.ts";
import { useT } from "../i18n.tsx";

const notices = new Set(["uploaded", "removed", "linkSaved"]);
const errors = new Set([
  "validation_failed",
  "forbidden",
  "not_found",
  "payload_too_large",
  "unsupported_media_type",
  "course_published",
  "csrf_failed",
]);
const problems = new Set(["type", "missing", "captions.encoding", "captions.header", "captions.timing", "captions.empty"]);

/**
 * What an upload (answered by a redirect, decision 0009) or a save reports back through the
 * address: only known codes are shown, as translated text, never text taken from the URL.
 */
export function AuthoringNotice() {
  const [params] = useSearchParams();
  const t = useT();
  const notice = params.get("notice") ?? (params.has("saved") ? "saved" : null);
  const error = params.get("error");
  const problem = params.get("problem");
  if (error && errors.has(error)) {
    return (
      <div className="form-error" role="alert">
        <p>
          <strong>{t(`error.${error}` as MessageId)}</strong>
        </p>
        {problem && problems.has(problem) && <p>{t(`authoring.upload.${problem}` as MessageId)}</p>}
      </div>
    );
  }
  if (notice === "saved")
    return (
      <p className="notice" role="status">
        {t("authoring.edit.saved")}
      </p>
    );
  if (notice && notices.has(notice)) {
    return (
      <p className="notice" role="status">
        {t(`authoring.notice.${notice}` as MessageId)}
      </p>
    );
  }
  return null;
}
