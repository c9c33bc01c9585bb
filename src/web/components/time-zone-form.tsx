import { Form, useLocation } from "react-router";
import { useT } from "../i18n.tsx";

/** A plain GET form that reloads the page with `?tz=`, keeping the other query parameters. */
export function TimeZoneForm({ zone, choices }: { zone: string; choices: string[] }) {
  const t = useT();
  const location = useLocation();
  const kept = [...new URLSearchParams(location.search)].filter(([name]) => name !== "tz" && name !== "offset");
  return (
    <Form method="get" className="time-zone-form">
      {kept.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="viewer-tz">{t("events.tz.label")}</label>{" "}
      <select id="viewer-tz" name="tz" defaultValue={zone} dir="ltr">
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="secondary">
        {t("events.tz.apply")}
      </button>
    </Form>
  );
}
