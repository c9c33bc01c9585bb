import { Form, useLocation } from "react-router";
import { useHref, useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";
import type { Option } from "./form-fields.tsx";

/** What the time-zone form of a page needs (built by `viewerZone`). */
export type ZonePicker = {
  zone: string;
  choices: Option[];
  /** A zone the signed-in reader just chose that differs from their saved one: offered to keep. */
  offer: string | null;
};

/** Query parameters that belong to this form, not to the page it sits on. */
const ownParams = new Set(["tz", "tzSaved", "offset"]);

/**
 * A plain GET form that reloads the page with `?tz=`, keeping the other query parameters. A
 * signed-in reader who picks a zone other than their account's is offered to keep it: that saves
 * it in the account (a POST, so never by merely following a link) and brings them back here.
 */
export function TimeZoneForm({ zone, choices, offer }: ZonePicker) {
  const t = useT();
  const href = useHref();
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  const kept = [...search].filter(([name]) => !ownParams.has(name));
  const here = `${location.pathname}${kept.length ? `?${new URLSearchParams(kept)}` : ""}`;
  return (
    <div className="time-zone">
      <Form method="get" className="time-zone-form">
        {kept.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor="viewer-tz">{t("events.tz.label")}</label>{" "}
        <select id="viewer-tz" name="tz" defaultValue={zone} dir="ltr">
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="secondary">
          {t("events.tz.apply")}
        </button>
      </Form>
      {offer && (
        <Form method="post" action={href("/account")} className="time-zone-offer notice">
          <CsrfField />
          <input type="hidden" name="intent" value="keepTimeZone" />
          <input type="hidden" name="timeZone" value={offer} />
          <input type="hidden" name="returnTo" value={here} />
          <p id="tz-offer-text" className="time-zone-offer-text">
            {t("events.tz.offer", { zone: offer })}
          </p>
          <button type="submit" aria-describedby="tz-offer-text">
            {t("events.tz.keep", { zone: offer })}
          </button>
        </Form>
      )}
      {search.has("tzSaved") && (
        <p className="notice" role="status">
          {t("events.tz.kept", { zone })}
        </p>
      )}
    </div>
  );
}
