/**
 * The body editor: Tiptap (StarterKit) storing HTML, with a small toolbar for what a press
 * release needs. The server sanitizes whatever arrives, so the toolbar is a convenience, not a
 * guard. Loaded only with the editor route (Tiptap stays out of the initial bundle).
 */
import { ActionIcon, Button, Group, Input, Paper, Popover, Stack, TextInput, Tooltip } from "@mantine/core";
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBlockquote,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconLinkOff,
  IconList,
  IconListNumbers,
} from "@tabler/icons-react";
import { type Editor, EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import classes from "./rich-text-editor.module.css";

export function RichTextEditor({
  label,
  value,
  onChange,
  error,
  description,
}: {
  label: string;
  value: string;
  onChange: (html: string) => void;
  error?: ReactNode;
  description?: ReactNode;
}) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["http", "https", "mailto"] },
      }),
    ],
    content: value,
    editorProps: {
      attributes: { "aria-label": label, role: "textbox", "aria-multiline": "true", class: classes.content },
    },
    // An empty document is "<p></p>"; the API (and missingForReview) should see "".
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? "" : e.getHTML()),
  });

  return (
    <Input.Wrapper label={label} error={error} description={description}>
      <Paper withBorder radius="sm" mt={4} style={error ? { borderColor: "var(--mantine-color-red-6)" } : undefined}>
        {editor && <Toolbar editor={editor} />}
        <EditorContent editor={editor} />
      </Paper>
    </Input.Wrapper>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  // Re-render the toolbar only when the marks at the cursor change, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <Group gap={2} p={4} role="toolbar" aria-label={t("content.editor.toolbar")} className={classes.toolbar} wrap="wrap">
      <Tool label={t("content.editor.bold")} shortcut="Ctrl+B" active={state.bold} onClick={() => chain().toggleBold().run()}>
        <IconBold size={16} />
      </Tool>
      <Tool label={t("content.editor.italic")} shortcut="Ctrl+I" active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <IconItalic size={16} />
      </Tool>
      <Tool
        label={t("content.editor.h2")}
        shortcut="Ctrl+Alt+2"
        active={state.h2}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        <IconH2 size={16} />
      </Tool>
      <Tool
        label={t("content.editor.h3")}
        shortcut="Ctrl+Alt+3"
        active={state.h3}
        onClick={() => chain().toggleHeading({ level: 3 }).run()}
      >
        <IconH3 size={16} />
      </Tool>
      <Tool
        label={t("content.editor.bulletList")}
        shortcut="Ctrl+Shift+8"
        active={state.bullet}
        onClick={() => chain().toggleBulletList().run()}
      >
        <IconList size={16} />
      </Tool>
      <Tool
        label={t("content.editor.orderedList")}
        shortcut="Ctrl+Shift+7"
        active={state.ordered}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <IconListNumbers size={16} />
      </Tool>
      <Tool
        label={t("content.editor.blockquote")}
        shortcut="Ctrl+Shift+B"
        active={state.quote}
        onClick={() => chain().toggleBlockquote().run()}
      >
        <IconBlockquote size={16} />
      </Tool>
      <LinkTool editor={editor} active={state.link} />
      <Tool label={t("content.editor.undo")} shortcut="Ctrl+Z" disabled={!state.canUndo} onClick={() => chain().undo().run()}>
        <IconArrowBackUp size={16} />
      </Tool>
      <Tool label={t("content.editor.redo")} shortcut="Ctrl+Shift+Z" disabled={!state.canRedo} onClick={() => chain().redo().run()}>
        <IconArrowForwardUp size={16} />
      </Tool>
    </Group>
  );
}

function Tool({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label} withArrow openDelay={400}>
      <ActionIcon
        variant={active ? "filled" : "subtle"}
        color={active ? "indigo" : "gray"}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        onClick={onClick}
        // Keep the selection in the editor while clicking the toolbar.
        onMouseDown={(e) => e.preventDefault()}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

function LinkTool({ editor, active }: { editor: Editor; active: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [href, setHref] = useState("");
  const apply = () => {
    const url = href.trim();
    if (url)
      editor
        .chain()
        .focus()
        .extendMarkRange("link")
        .setLink({ href: /^[a-z]+:/i.test(url) ? url : `https://${url}` })
        .run();
    setOpened(false);
  };
  if (active) {
    return (
      <Tool label={t("content.editor.unlink")} active onClick={() => editor.chain().focus().extendMarkRange("link").unsetLink().run()}>
        <IconLinkOff size={16} />
      </Tool>
    );
  }
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus withArrow position="bottom">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("content.editor.link")}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            setHref(editor.getAttributes("link").href ?? "");
            setOpened((o) => !o);
          }}
        >
          <IconLink size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            label={t("content.editor.linkUrl")}
            placeholder="https://"
            value={href}
            onChange={(e) => setHref(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                apply();
              }
            }}
          />
          <Button size="xs" onClick={apply}>
            {t("content.editor.applyLink")}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
