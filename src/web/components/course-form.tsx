import { Form } from "react-router";
import { coCreatorRoles, courseCategories, courseLevels } from "../../domain/catalogue/values.ts";
import { useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";
import type { CourseFormValues } from "./course-form-data.server.ts";
import { CsrfField } from "./csrf.tsx";
import { ErrorSummary, type FieldErrors, type Option, SelectField, TextArea, TextField } from "./form-fields.tsx";
import { LanguageSelect } from "./language-picker.tsx";

type Props = {
  values: CourseFormValues;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  owners: Option[];
  organisations: Option[];
  /** A new course takes everything; an existing one edits its texts and its details apart. */
  part: "all" | "texts" | "details";
  intent?: string;
  submitLabel: string;
  /** The language of the texts, when it differs from the page's. */
  textLang?: string;
  /** A course that is not a draft: the fields show, nothing can be saved. */
  readOnly?: boolean;
};

/** The course's texts and details, shared by the new-course and edit pages. */
export function CourseForm({ values, errors, formError, owners, organisations, part, intent, submitLabel, textLang, readOnly }: Props) {
  const t = useT();
  const names = useCatalogueFormat();
  const idPrefix = part;
  const labels: Record<string, string> = {
    title: t("authoring.field.title"),
    summary: t("authoring.field.summary"),
    description: t("authoring.field.description"),
    ownerId: t("authoring.field.owner"),
    category: t("authoring.field.category"),
    level: t("authoring.field.level"),
    estimatedHours: t("authoring.field.hours"),
    licence: t("authoring.field.licence"),
    defaultLocale: t("authoring.field.defaultLocale"),
    subjectTags: t("authoring.field.tags"),
    coCreators: t("authoring.field.coCreators"),
  };
  const common = { errors, idPrefix };
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      {intent && <input type="hidden" name="intent" value={intent} />}
      <ErrorSummary formError={formError} errors={errors} labels={labels} idPrefix={idPrefix} />
      {part !== "details" && (
        <>
          <TextField name="title" label={labels.title!} defaultValue={values.title} required lang={textLang} {...common} />
          <TextArea name="summary" label={labels.summary!} defaultValue={values.summary} rows={3} lang={textLang} {...common} />
          <TextArea name="description" label={labels.description!} defaultValue={values.description} rows={6} lang={textLang} {...common} />
        </>
      )}
      {part !== "texts" && (
        <>
          <SelectField name="ownerId" label={labels.ownerId!} options={owners} defaultValue={values.ownerId} required {...common} />
          <SelectField
            name="category"
            label={labels.category!}
            options={courseCategories.map((c) => ({ value: c, label: names.category(c) }))}
            defaultValue={values.category}
            required
            {...common}
          />
          <SelectField
            name="level"
            label={labels.level!}
            options={courseLevels.map((l) => ({ value: l, label: names.level(l) }))}
            defaultValue={values.level}
            required
            {...common}
          />
          <TextField
            name="estimatedHours"
            label={labels.estimatedHours!}
            defaultValue={values.estimatedHours}
            inputMode="numeric"
            required
            {...common}
          />
          <TextField
            name="licence"
            label={labels.licence!}
            hint={t("authoring.field.licenceHint")}
            defaultValue={values.licence}
            required
            {...common}
          />
          {part === "all" && (
            <LanguageSelect
              name="defaultLocale"
              label={labels.defaultLocale!}
              hint={t("authoring.field.defaultLocaleHint")}
              defaultValue={values.defaultLocale}
              required
              {...common}
            />
          )}
          <TextField
            name="subjectTags"
            label={labels.subjectTags!}
            hint={t("authoring.field.tagsHint")}
            defaultValue={values.subjectTags}
            {...common}
          />
          <fieldset className="field co-creators" id={`${idPrefix}-coCreators`}>
            <legend>{labels.coCreators}</legend>
            {values.coCreators.map((row, i) => (
              <div className="co-creator-row" key={i}>
                <SelectField
                  name={`coCreators.${i}.organisationId`}
                  label={t("authoring.field.coCreatorOrganisation", { number: i + 1 })}
                  options={organisations}
                  emptyLabel={t("authoring.field.none")}
                  defaultValue={row.organisationId}
                  {...common}
                />
                <SelectField
                  name={`coCreators.${i}.role`}
                  label={t("authoring.field.coCreatorRole", { number: i + 1 })}
                  options={coCreatorRoles.map((r) => ({ value: r, label: names.role(r) }))}
                  defaultValue={row.role}
                  {...common}
                />
              </div>
            ))}
          </fieldset>
        </>
      )}
      {!readOnly && (
        <p>
          <button type="submit">{submitLabel}</button>
        </p>
      )}
    </Form>
  );
}
