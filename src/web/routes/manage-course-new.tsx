import { redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CourseForm } from "../components/course-form.tsx";
import {
  courseDetailsFrom,
  courseFormOptions,
  courseTextsFrom,
  courseValuesFromForm,
  emptyCourseValues,
} from "../components/course-form-data.server.ts";
import { failureWithValues } from "../components/form-failure.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-course-new.ts";

async function authorContext(args: Route.LoaderArgs | Route.ActionArgs) {
  const signedIn = requireSignedIn(args);
  const options = await courseFormOptions(signedIn.services, signedIn.actor, signedIn.locale);
  if (!options.owners.length) throw forbiddenPage();
  return { ...signedIn, options };
}

export async function loader(args: Route.LoaderArgs) {
  const { locale, options } = await authorContext(args);
  return { title: translatorFor(locale)("authoring.new.title"), values: emptyCourseValues(options.owners[0]!.value, locale), ...options };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = await authorContext(args);
  const values = courseValuesFromForm(await args.request.formData());
  try {
    const input = { ...courseDetailsFrom(values), ...courseTextsFrom(values), defaultLocale: values.defaultLocale };
    const course = await services.catalogue.createCourse(actor, input, locale);
    return redirect(`/${locale}/manage/courses/${course.slug}?saved`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function NewCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <main id="main" className="page">
      <h1>{t("authoring.new.title")}</h1>
      <CourseForm
        part="all"
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.fields}
        formError={actionData?.formError}
        owners={loaderData.owners}
        organisations={loaderData.organisations}
        submitLabel={t("authoring.new.submit")}
      />
    </main>
  );
}
