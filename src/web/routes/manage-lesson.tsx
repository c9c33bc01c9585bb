import type { ReactNode } from "react";
import { Form, Link, redirect } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { AuthoringNotice } from "../components/authoring-notice.tsx";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { formText } from "../components/form-values.server.ts";
import { LanguageSelect } from "../components/language-picker.tsx";
import { ReadOnlyNotice } from "../components/read-only-notice.tsx";
import { readOnlyState } from "../components/read-only-state.server.ts";
import { RichTextEditor } from "../components/rich-text-editor.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import type { RouteHandle } from "../hydration.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-lesson.ts";

/** The one authoring page with script: the rich-text editor (decision 0007); it works without it too. */
export const handle: RouteHandle = { hydrate: true };

const MiB = 2 ** 20;

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug, lessonId } = args.params;
  try {
    const lesson = await services.authoring.getLesson(actor, slug, lessonId);
    const [course, media] = await Promise.all([
      services.catalogue.getCourse(slug, locale, actor),
      services.media.getLessonMedia(actor, slug, lessonId),
    ]);
    const limits = services.media.limits;
    return {
      readOnly: await readOnlyState(services, actor, course, locale),
      title: translatorFor(locale)("authoring.lesson.title"),
      course: { slug: course.slug, title: course.title, status: course.status, defaultLocale: course.defaultLocale },
      lesson,
      media,
      megabytes: {
        video: Math.floor(limits.video / MiB),
        captions: Math.floor(limits.captions / MiB),
        download: Math.floor(limits.download / MiB),
      },
      accept: { video: services.media.accept.video, download: services.media.accept.download, captions: services.media.accept.captions },
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { slug, lessonId } = args.params;
  const form = await args.request.formData();
  const intent = formText(form, "intent");
  const values = { title: formText(form, "title"), body: String(form.get("body") ?? ""), externalUrl: formText(form, "externalUrl") };
  const back = (query: string, anchor: string) => redirect(`/${locale}/manage/courses/${slug}/lessons/${lessonId}?${query}#${anchor}`);
  try {
    if (intent === "save") {
      // The syllabus is rewritten as it is, with this lesson's title and text replaced; lesson ids are kept.
      const syllabus = (await services.authoring.getSyllabus(actor, slug)).map((module) => ({
        ...module,
        lessons: module.lessons.map((lesson) => (lesson.id === lessonId ? { ...lesson, title: values.title, body: values.body } : lesson)),
      }));
      await services.catalogue.updateCourse(actor, slug, { syllabus }, locale);
      return back("saved", "lesson");
    }
    if (intent === "externalVideo") {
      await services.media.setExternalVideo(actor, slug, lessonId, values.externalUrl);
      return back("notice=linkSaved", "media");
    }
    if (intent === "removeLink") await services.media.setExternalVideo(actor, slug, lessonId, null);
    else if (intent === "removeFile") await services.media.removeLessonFile(actor, slug, lessonId, formText(form, "fileId"));
    else if (intent === "removeCaptions") await services.media.removeCaptions(actor, slug, lessonId, formText(form, "locale"));
    return back("notice=removed", "media");
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

function RemoveButton({ intent, name, value, label }: { intent: string; name?: string; value?: string; label: string }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {name && <input type="hidden" name={name} value={value} />}
      <button type="submit" className="secondary" aria-label={label}>
        {t("authoring.media.remove")}
      </button>
    </Form>
  );
}

/** A multipart form answered by the upload route (decision 0009): the CSRF field comes before the file. */
function UploadForm({ action, kind, children }: { action: string; kind: string; children: ReactNode }) {
  return (
    <form method="post" action={action} encType="multipart/form-data" className="stack upload-form">
      <CsrfField />
      <input type="hidden" name="kind" value={kind} />
      {children}
    </form>
  );
}

export default function EditLesson({ loaderData, actionData }: Route.ComponentProps) {
  const { course, lesson, media, megabytes, accept, readOnly } = loaderData;
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const names = useCatalogueFormat();
  const editable = course.status === "draft";
  const uploadTo = href(`/manage/courses/${course.slug}/lessons/${lesson.id}/upload`);
  const saveFailure = actionData?.intent === "save" ? actionData : undefined;
  const mediaFailure = actionData && actionData.intent !== "save" ? actionData : undefined;
  const size = (bytes: number) => t("authoring.media.size", { size: format.number(Math.max(1, Math.round(bytes / 1024))) });

  return (
    <main id="main" className="page authoring">
      <p className="breadcrumb">
        <Link to={href(`/manage/courses/${course.slug}#syllabus`)}>
          {t("authoring.lesson.back")}: <bdi>{course.title}</bdi>
        </Link>
      </p>
      <h1>
        {t("authoring.lesson.title")}: <bdi lang={course.defaultLocale}>{lesson.title}</bdi>
      </h1>
      <p className="actions">
        {lesson.kind === "quiz" && (
          <Link className="button secondary" to={href(`/manage/courses/${course.slug}/lessons/${lesson.id}/quiz`)}>
            {t("authoring.lesson.quiz")}
          </Link>
        )}
        <Link className="button secondary" to={href(`/manage/courses/${course.slug}/review`)}>
          {t("authoring.edit.workflow")}
        </Link>
      </p>
      <AuthoringNotice />
      {readOnly && <ReadOnlyNotice state={readOnly} />}

      <fieldset disabled={!editable} className="unstyled">
        <section id="lesson" aria-labelledby="lesson-form-title">
          <h2 id="lesson-form-title" className="visually-hidden">
            {t("authoring.lesson.title")}
          </h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="save" />
            <ErrorSummary
              formError={saveFailure?.formError}
              errors={saveFailure?.fields}
              labels={{ syllabus: t("authoring.field.title") }}
              idPrefix="lesson"
            />
            <TextField
              name="title"
              label={t("authoring.field.title")}
              defaultValue={saveFailure?.values.title ?? lesson.title}
              required
              lang={course.defaultLocale}
              idPrefix="lesson"
            />
            <RichTextEditor
              name="body"
              label={t("authoring.lesson.body")}
              hint={t("authoring.lesson.bodyHint")}
              defaultValue={saveFailure?.values.body ?? lesson.body}
              lang={course.defaultLocale}
            />
            {editable && (
              <p>
                <button type="submit">{t("authoring.lesson.save")}</button>
              </p>
            )}
          </Form>
        </section>

        <section aria-labelledby="preview-title" className="lesson-preview">
          <h2 id="preview-title">{t("authoring.lesson.preview")}</h2>
          {lesson.body ? (
            // Sanitised on the server when saved and again when read: the same HTML learners get.
            <div className="lesson-body" lang={course.defaultLocale} dir="auto" dangerouslySetInnerHTML={{ __html: lesson.body }} />
          ) : (
            <p className="meta">{t("authoring.lesson.previewEmpty")}</p>
          )}
        </section>

        {lesson.kind !== "text" && lesson.kind !== "quiz" && (
          <section id="media" aria-labelledby="media-title">
            <h2 id="media-title">{t("authoring.media.title")}</h2>
            {mediaFailure && (
              <div className="form-error" role="alert">
                <p>
                  <strong>{mediaFailure.formError}</strong>
                </p>
                {Object.values(mediaFailure.fields).map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            )}

            {lesson.kind === "video" && (
              <>
                <h3>{t("authoring.media.video")}</h3>
                {media.video ? (
                  <div className="media-row">
                    {/* biome-ignore lint/a11y/useMediaCaption: the tracks are the lesson's captions, listed just below */}
                    <video className="lesson-video" src={media.video.url} controls preload="metadata" width={480} height={270}>
                      {media.captions.map((caption) => (
                        <track
                          key={caption.locale}
                          kind="captions"
                          src={caption.file.url}
                          srcLang={caption.locale}
                          label={names.language(caption.locale)}
                        />
                      ))}
                    </video>
                    <span>
                      <a href={media.video.url}>{media.video.name}</a> ({size(media.video.byteSize)})
                    </span>
                    {editable && (
                      <RemoveButton
                        intent="removeFile"
                        name="fileId"
                        value={media.video.id}
                        label={t("authoring.media.removeNamed", { name: media.video.name })}
                      />
                    )}
                  </div>
                ) : media.externalUrl ? (
                  <div className="media-row">
                    <span>{t("authoring.media.externalVideo", { url: media.externalUrl })}</span>
                    {editable && <RemoveButton intent="removeLink" label={t("authoring.media.removeLink")} />}
                  </div>
                ) : (
                  <p className="meta">{t("authoring.media.noVideo")}</p>
                )}
                {editable && (
                  <>
                    <UploadForm action={uploadTo} kind="video">
                      <div className="field">
                        <label htmlFor="video-file">{t("authoring.media.videoFile")}</label>
                        <span className="hint" id="video-hint">
                          {t("authoring.media.videoHint", { megabytes: megabytes.video })}
                        </span>
                        <input id="video-file" type="file" name="file" accept={accept.video} required aria-describedby="video-hint" />
                      </div>
                      <p>
                        <button type="submit">{t("authoring.media.uploadVideo")}</button>
                      </p>
                    </UploadForm>
                    <Form method="post" className="stack">
                      <CsrfField />
                      <input type="hidden" name="intent" value="externalVideo" />
                      <TextField
                        name="externalUrl"
                        type="url"
                        label={t("authoring.media.externalUrl")}
                        defaultValue={media.externalUrl ?? ""}
                        errors={mediaFailure?.fields}
                        idPrefix="video"
                      />
                      <p>
                        <button type="submit" className="secondary">
                          {t("authoring.media.saveLink")}
                        </button>
                      </p>
                    </Form>
                  </>
                )}

                <h3>{t("authoring.media.captions")}</h3>
                {media.captions.length ? (
                  <ul className="media-list">
                    {media.captions.map((caption) => (
                      <li key={caption.locale} className="media-row">
                        <span>
                          {names.language(caption.locale)} — <a href={caption.file.url}>{caption.file.name}</a> (
                          {t("authoring.media.captionsStatusValue", { status: caption.status })})
                        </span>
                        {editable && (
                          <RemoveButton
                            intent="removeCaptions"
                            name="locale"
                            value={caption.locale}
                            label={t("authoring.media.removeNamed", { name: caption.file.name })}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="meta">{t("authoring.media.noCaptions")}</p>
                )}
                {editable && (
                  <UploadForm action={uploadTo} kind="captions">
                    <div className="row-fields">
                      <LanguageSelect
                        name="locale"
                        idPrefix="captions"
                        label={t("authoring.media.captionsLanguage")}
                        defaultValue={course.defaultLocale}
                        required
                      />
                      <div className="field">
                        <label htmlFor="captions-status">{t("authoring.media.captionsStatus")}</label>
                        <select id="captions-status" name="status" defaultValue="ready">
                          <option value="ready">{t("authoring.media.captionsStatusValue", { status: "ready" })}</option>
                          <option value="draft">{t("authoring.media.captionsStatusValue", { status: "draft" })}</option>
                        </select>
                      </div>
                    </div>
                    <div className="field">
                      <label htmlFor="captions-file">{t("authoring.media.captionsFile")}</label>
                      <span className="hint" id="captions-hint">
                        {t("authoring.media.captionsHint", { megabytes: megabytes.captions })}
                      </span>
                      <input
                        id="captions-file"
                        type="file"
                        name="file"
                        accept={accept.captions}
                        required
                        aria-describedby="captions-hint"
                      />
                    </div>
                    <p>
                      <button type="submit">{t("authoring.media.uploadCaptions")}</button>
                    </p>
                  </UploadForm>
                )}
              </>
            )}
            {lesson.kind === "file" && (
              <>
                <h3>{t("authoring.media.downloads")}</h3>
                {media.downloads.length ? (
                  <ul className="media-list">
                    {media.downloads.map((file) => (
                      <li key={file.id} className="media-row">
                        <span>
                          <a href={file.url}>{file.name}</a> ({size(file.byteSize)}
                          {file.locale ? `, ${names.language(file.locale)}` : ""})
                        </span>
                        {editable && (
                          <RemoveButton
                            intent="removeFile"
                            name="fileId"
                            value={file.id}
                            label={t("authoring.media.removeNamed", { name: file.name })}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="meta">{t("authoring.media.noDownloads")}</p>
                )}
              </>
            )}
            {lesson.kind === "file" && editable && (
              <UploadForm action={uploadTo} kind="download">
                <LanguageSelect
                  name="locale"
                  idPrefix="download"
                  label={t("authoring.media.downloadLanguage")}
                  defaultValue=""
                  emptyLabel={t("authoring.media.noLanguage")}
                />
                <div className="field">
                  <label htmlFor="download-file">{t("authoring.media.downloadFile")}</label>
                  <span className="hint" id="download-hint">
                    {t("authoring.media.downloadHint", { megabytes: megabytes.download })}
                  </span>
                  <input id="download-file" type="file" name="file" accept={accept.download} required aria-describedby="download-hint" />
                </div>
                <p>
                  <button type="submit">{t("authoring.media.uploadFile")}</button>
                </p>
              </UploadForm>
            )}
          </section>
        )}
      </fieldset>
    </main>
  );
}
