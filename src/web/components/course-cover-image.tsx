import { useHref } from "../i18n.tsx";

/**
 * A course's cover: the uploaded one, else its generated SVG. Decorative (alt=""): the title beside
 * it says what the course is. Sized so the page does not move as it loads.
 */
export function CourseCoverImage({
  course,
  className,
  eager = false,
}: {
  course: { slug: string; coverImageUrl: string | null };
  className: string;
  eager?: boolean;
}) {
  const href = useHref();
  const src = course.coverImageUrl ?? href(`/courses/${course.slug}/cover.svg`);
  return (
    <img
      className={className}
      src={src}
      alt=""
      width={eager ? 640 : 320}
      height={eager ? 360 : 180}
      loading={eager ? undefined : "lazy"}
      decoding="async"
    />
  );
}
