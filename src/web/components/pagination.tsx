import { Link, useLocation } from "react-router";
import { useFormat, useT } from "../i18n.tsx";

/** Previous/next links that keep the current filters; plain links, so they work without script. */
export function Pagination({ total, limit, offset }: { total: number; limit: number; offset: number }) {
  const t = useT();
  const format = useFormat();
  const location = useLocation();
  if (total <= limit) return null;
  const pages = Math.ceil(total / limit);
  const page = Math.floor(offset / limit) + 1;
  const linkTo = (target: number) => {
    const query = new URLSearchParams(location.search);
    if (target > 0) query.set("offset", String(target));
    else query.delete("offset");
    const search = query.toString();
    return `${location.pathname}${search ? `?${search}` : ""}`;
  };
  return (
    <nav aria-label={t("common.pagination")} className="pagination">
      {page > 1 && (
        <Link to={linkTo(Math.max(0, offset - limit))} rel="prev">
          {t("common.previous")}
        </Link>
      )}
      <span>{t("common.pageOf", { page: format.number(page), pages: format.number(pages) })}</span>
      {page < pages && (
        <Link to={linkTo(offset + limit)} rel="next">
          {t("common.next")}
        </Link>
      )}
    </nav>
  );
}
