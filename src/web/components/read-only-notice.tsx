import { Form, Link } from "react-router";
import { useHref, useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";
import { CsrfField } from "./csrf.tsx";

export type ReadOnlyState = {
  slug: string;
  status: string;
  /** The reader may start a new version (an author of a published course with none open). */
  revise: boolean;
  openRevision: { slug: string; status: string } | null;
};

/**
 * Above a course's editors when the course is not a draft: why nothing here can be saved, and the
 * one thing that can be done instead (start a new version, or open the one being prepared).
 */
export function ReadOnlyNotice({ state }: { state: ReadOnlyState }) {
  const t = useT();
  const href = useHref();
  const names = useCatalogueFormat();
  return (
    <div className="notice read-only-notice" role="note">
      <p>{t("authoring.edit.readOnly", { status: state.status })}</p>
      {state.openRevision ? (
        <p>
          {t("quality.workflow.openRevision", { status: names.status(state.openRevision.status) })}{" "}
          <Link className="button" to={href(`/manage/courses/${state.openRevision.slug}`)}>
            {t("quality.workflow.openRevisionLink")}
          </Link>
        </p>
      ) : state.revise ? (
        <Form method="post" action={href(`/manage/courses/${state.slug}/review`)}>
          <CsrfField />
          <input type="hidden" name="intent" value="revise" />
          <button type="submit">{t("quality.workflow.revise")}</button>
        </Form>
      ) : (
        <p>
          <Link to={href(`/manage/courses/${state.slug}/review`)}>{t("authoring.edit.workflow")}</Link>
        </p>
      )}
    </div>
  );
}
