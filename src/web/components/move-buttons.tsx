import { Form } from "react-router";
import { useT } from "../i18n.tsx";
import { CsrfField } from "./csrf.tsx";

/** What a Move button posts: `move=<kind>:<id>:<up|down>`. */
export type MoveRequest = { kind: string; id: string; direction: string };

export function moveRequestFrom(form: FormData): MoveRequest | null {
  const [kind, id, direction] = String(form.get("move") ?? "").split(":");
  return kind && id && direction ? { kind, id, direction } : null;
}

type Props = {
  kind: string;
  id: string;
  /** Said after the button's label to screen readers ("Move up Module 2"): a column of bare "Move up" says nothing. */
  subject: string;
  first: boolean;
  last: boolean;
  /**
   * The id of the form the buttons post, when they sit inside another form (the syllabus
   * editor's); without it they get a form of their own posting `intent=move`.
   */
  formId?: string;
};

/**
 * "Move up" and "Move down" for one item of an ordered list: plain posts of one step each, so the
 * order changes without typed numbers or script, by keyboard like any button. The button that
 * cannot act (first, last) is left out rather than disabled, so it is not a dead tab stop.
 */
export function MoveButtons({ kind, id, subject, first, last, formId }: Props) {
  const t = useT();
  const button = (direction: "up" | "down") => (
    <button type="submit" className="secondary" name="move" value={`${kind}:${id}:${direction}`} form={formId}>
      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span> {t(direction === "up" ? "authoring.move.up" : "authoring.move.down")}
      <span className="visually-hidden"> {subject}</span>
    </button>
  );
  const buttons = (
    <span className="move-buttons">
      {!first && button("up")}
      {!last && button("down")}
    </span>
  );
  if (formId || (first && last)) return first && last ? null : buttons;
  return (
    <Form method="post" className="inline-form">
      <CsrfField />
      <input type="hidden" name="intent" value="move" />
      {buttons}
    </Form>
  );
}

/** The one form the Move buttons inside another form post (see `formId`). */
export function MoveForm({ id }: { id: string }) {
  return (
    <Form method="post" id={id} hidden>
      <CsrfField />
      <input type="hidden" name="intent" value="move" />
    </Form>
  );
}
