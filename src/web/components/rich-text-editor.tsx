import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useState } from "react";
import { useT } from "../i18n.tsx";
import { TextArea } from "./form-fields.tsx";

type Props = {
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  error?: string | undefined;
  /** The language the text is written in (the course's), which may differ from the page's. */
  lang: string;
  /** Keeps the label's and message's ids apart when a page has several editors (the translator's). */
  idPrefix?: string;
  rows?: number;
};

/**
 * Lesson text. The server renders a textarea of HTML, which is the whole editor without
 * JavaScript; once the page hydrates it becomes a Tiptap editor posting the same field. Either
 * way the server sanitises what arrives.
 */
export function RichTextEditor(props: Props) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) {
    return (
      <TextArea
        name={props.name}
        label={props.label}
        hint={props.hint}
        defaultValue={props.defaultValue}
        rows={props.rows ?? 14}
        lang={props.lang}
        idPrefix={props.idPrefix}
        errors={props.error ? { [props.name]: props.error } : undefined}
      />
    );
  }
  return <Editor {...props} />;
}

function Editor({ name, label, defaultValue, error, lang, idPrefix = "rte" }: Props) {
  const t = useT();
  const labelId = `${idPrefix}-label`;
  const errorId = `${idPrefix}-error`;
  const [html, setHtml] = useState(defaultValue);
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, protocols: ["mailto"], defaultProtocol: "https" },
      }),
    ],
    content: defaultValue,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "rte-content lesson-body",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        lang,
        dir: "auto",
        ...(error ? { "aria-invalid": "true", "aria-describedby": errorId } : {}),
      },
    },
    onUpdate: ({ editor: current }) => setHtml(current.getHTML()),
  });
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      heading: e?.isActive("heading", { level: 2 }) ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      blockquote: e?.isActive("blockquote") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });

  const chain = () => editor!.chain().focus();
  const link = () => {
    const current = editor?.getAttributes("link").href as string | undefined;
    const href = window.prompt(t("authoring.editor.linkAddress"), current ?? "https://");
    if (href === null) return;
    if (href.trim() === "") chain().extendMarkRange("link").unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  };
  const buttons = [
    { key: "bold", label: t("authoring.editor.bold"), run: () => chain().toggleBold().run(), pressed: active?.bold, text: "B" },
    { key: "italic", label: t("authoring.editor.italic"), run: () => chain().toggleItalic().run(), pressed: active?.italic, text: "I" },
    {
      key: "heading",
      label: t("authoring.editor.heading"),
      run: () => chain().toggleHeading({ level: 2 }).run(),
      pressed: active?.heading,
      text: "H",
    },
    {
      key: "bulletList",
      label: t("authoring.editor.bulletList"),
      run: () => chain().toggleBulletList().run(),
      pressed: active?.bulletList,
      text: "•",
    },
    {
      key: "orderedList",
      label: t("authoring.editor.orderedList"),
      run: () => chain().toggleOrderedList().run(),
      pressed: active?.orderedList,
      text: "1.",
    },
    {
      key: "blockquote",
      label: t("authoring.editor.blockquote"),
      run: () => chain().toggleBlockquote().run(),
      pressed: active?.blockquote,
      text: "❝",
    },
    { key: "link", label: t("authoring.editor.link"), run: link, pressed: active?.link, text: "↗" },
    { key: "undo", label: t("authoring.editor.undo"), run: () => chain().undo().run(), text: "↶" },
    { key: "redo", label: t("authoring.editor.redo"), run: () => chain().redo().run(), text: "↷" },
  ];

  return (
    <div className="field rte">
      <span className="label" id={labelId}>
        {label}
      </span>
      <div className="rte-toolbar" role="toolbar" aria-label={t("authoring.editor.toolbar")}>
        {buttons.map((button) => (
          <button
            key={button.key}
            type="button"
            className="secondary"
            title={button.label}
            aria-label={button.label}
            aria-pressed={button.pressed === undefined ? undefined : button.pressed}
            data-command={button.key}
            onClick={button.run}
          >
            <span aria-hidden="true">{button.text}</span>
          </button>
        ))}
      </div>
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={html} />
      {error && (
        <span className="error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
