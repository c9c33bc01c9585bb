import { Link } from "react-router";
import type { CourseSummaryDto } from "../../domain/catalogue/dto.ts";
import { useHref, useT } from "../i18n.tsx";
import { useCatalogueFormat } from "./catalogue-format.ts";
import { CourseCoverImage } from "./course-cover-image.tsx";
import { FieldLanguageNote, ShownLanguageNote, textDirection } from "./shown-language-note.tsx";

/**
 * A course as a card of the grid (catalogue, home, centre pages): cover, title, who offers it, how
 * long, in which languages. The whole card is one link target through its title (the link's
 * ::after covers the card), so a phone user taps anywhere on it. <bdi>: course texts keep their
 * own direction while lining up with the page.
 */
export function CourseCard({ course, headingLevel = 2 }: { course: CourseSummaryDto; headingLevel?: 2 | 3 }) {
  const t = useT();
  const href = useHref();
  const format = useCatalogueFormat();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="card course-card">
      <CourseCoverImage course={course} className="card-cover" />
      <div className="card-body">
        <p className="card-kicker">
          <span className="badge">{format.category(course.category)}</span>
        </p>
        <Heading className="card-title">
          <Link to={href(`/courses/${course.slug}`)} className="card-link">
            <bdi lang={course.shownLocale}>{course.title}</bdi>
          </Link>
        </Heading>
        <ShownLanguageNote shownLocale={course.shownLocale} />
        <FieldLanguageNote fieldLocale={course.summaryLocale} shownLocale={course.shownLocale} />
        {course.summary && (
          <p className="card-summary" lang={course.summaryLocale} dir={textDirection(course.summaryLocale)}>
            {course.summary}
          </p>
        )}
        <p className="meta">
          <bdi>{course.owner.name}</bdi>
        </p>
        <p className="meta card-facts">
          <span>{format.level(course.level)}</span>
          <span>{t("catalogue.card.hours", { hours: course.estimatedHours })}</span>
          <span>{format.languages(course.languages)}</span>
        </p>
      </div>
    </li>
  );
}
