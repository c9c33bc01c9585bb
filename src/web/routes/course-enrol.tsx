import { Form, Link, redirect } from "react-router";
import { isDomainError } from "../../domain/shared/errors.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/course-enrol.ts";

/** Centre staff enrol learners by email here; learners only post their own enrolment (from the course page). */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const course = await services.catalogue.getCourse(args.params.slug, locale, actor).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!services.learning.mayEnrolOthers(actor, course.owner.id)) throw forbiddenPage();
  const enrolled = new URL(args.request.url).searchParams.get("enrolled");
  return {
    title: translatorFor(locale)("learning.staff.title", { title: course.title }),
    course: { slug: course.slug, title: course.title, shownLocale: course.shownLocale },
    enrolled,
  };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const form = await args.request.formData();
  const email = formText(form, "email");
  if (formText(form, "intent") === "staff") {
    try {
      await services.learning.enrolByEmail(actor, slug, { email });
    } catch (error) {
      return failureWithValues(error, locale, { email });
    }
    return redirect(`/${locale}/courses/${slug}/enrol?enrolled=${encodeURIComponent(email)}`);
  }
  try {
    await services.learning.enrol(actor, slug);
  } catch (error) {
    // Enrolled already (another tab, a double tap): carry on to the course as if just enrolled.
    if (!(isDomainError(error) && error.code === "already_enrolled")) throw toErrorResponse(error);
  }
  // Straight to where the learner resumes.
  const lesson = (await services.learning.enrolmentIn(actor, slug))?.resumeLessonId;
  return redirect(lesson ? `/${locale}/courses/${slug}/learn/${lesson}` : `/${locale}/courses/${slug}`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function EnrolLearners({ loaderData, actionData }: Route.ComponentProps) {
  const { course, enrolled } = loaderData;
  const t = useT();
  const href = useHref();
  const labels = { email: t("learning.staff.email") };
  return (
    <main id="main" className="page narrow">
      <p className="breadcrumb">
        <Link to={href(`/courses/${course.slug}`)}>
          <bdi lang={course.shownLocale}>{course.title}</bdi>
        </Link>
      </p>
      <h1>{t("learning.staff.title", { title: `\u2068${course.title}\u2069` })}</h1>
      {enrolled && !actionData && (
        <p className="notice" role="status">
          {t("learning.staff.done", { email: enrolled })}
        </p>
      )}
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="staff" />
        <ErrorSummary formError={actionData?.formError} errors={actionData?.fields} labels={labels} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          required
          defaultValue={actionData?.values.email}
          errors={actionData?.fields}
        />
        <p>
          <button type="submit">{t("learning.staff.submit")}</button>
        </p>
      </Form>
    </main>
  );
}
