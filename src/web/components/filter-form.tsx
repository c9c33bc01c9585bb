import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { useT } from "../i18n.tsx";
import { type Option, SelectField } from "./form-fields.tsx";

/**
 * A list page's filters: a GET form, so it works without script and the address keeps the
 * choice (a link can be shared), with a way back to the whole list once anything is chosen.
 * The search box stays in view; on a phone the other filters fold into a disclosure (open when
 * one is in use), so the results start in the first screen. On wider screens all show.
 */
export function FilterForm(props: { children: ReactNode; filtered: boolean; clearHref: string; submitLabel?: string; search?: ReactNode }) {
  const t = useT();
  return (
    <Form method="get" className="filters" role="search" aria-label={t("common.filter")}>
      {props.search}
      <details className="filter-more" open={props.filtered ? true : undefined}>
        <summary>{t("site.filters")}</summary>
        <div className="filter-fields">{props.children}</div>
      </details>
      <div className="filter-actions">
        <button type="submit">{props.submitLabel ?? t("common.filter")}</button>
        {props.filtered && <Link to={props.clearHref}>{t("common.clearFilters")}</Link>}
      </div>
    </Form>
  );
}

/** The free-text filter, named `q`. */
export function FilterSearch(props: { label: string; value: string | undefined; maxLength: number; className?: string }) {
  return (
    <div className={props.className ? `field ${props.className}` : "field"}>
      <label htmlFor="filter-q">{props.label}</label>
      <input id="filter-q" name="q" type="search" defaultValue={props.value ?? ""} maxLength={props.maxLength} />
    </div>
  );
}

/** One choice among the list's values, or all of them. */
export function FilterSelect(props: { name: string; label: string; value: string | undefined; options: Option[] }) {
  const t = useT();
  return (
    <SelectField
      idPrefix="filter"
      name={props.name}
      label={props.label}
      defaultValue={props.value ?? ""}
      emptyLabel={t("common.all")}
      options={props.options}
    />
  );
}
