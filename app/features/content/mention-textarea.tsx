/**
 * A textarea where typing "@" and a few letters searches the people who can read the item
 * (GET /content/:id/mentionable?q=) and inserts
 * "@Name"; the chosen people are reported as mentions so the server can notify them.
 * Keyboard: ↑/↓ move, Enter or Tab chooses, Escape closes.
 */
import { Paper, Text, Textarea, UnstyledButton } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";

interface MentionableList {
  items: { id: string; name: string; email: string }[];
}

export interface Mention {
  id: string;
  name: string;
}

/** The "@query" being typed right before the caret, if any. */
function activeQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

export function MentionTextarea({
  contentId,
  label,
  value,
  onChange,
  mentions,
  onMentionsChange,
  error,
  disabled,
}: {
  /** Only people who can read this item are offered (GET /content/:id/mentionable). */
  contentId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  mentions: Mention[];
  onMentionsChange: (mentions: Mention[]) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(typing?.query ?? "", 200);
  const users = useQuery({
    queryKey: ["content", contentId, "mentionable", debounced],
    queryFn: () => api<MentionableList>(`/content/${contentId}/mentionable`, { query: { q: debounced || undefined } }),
    enabled: typing !== null,
    retry: false,
    staleTime: 30_000,
  });
  const options = typing ? (users.data?.items ?? []).map((u) => ({ id: u.id, name: u.name, email: u.email })) : [];
  const open = typing !== null && (options.length > 0 || users.isFetched);

  const track = (text: string, caret: number) => {
    const next = activeQuery(text, caret);
    setTyping(next);
    if (next?.query !== typing?.query) setActive(0);
  };

  const choose = (user: Mention) => {
    if (!typing) return;
    const caret = ref.current?.selectionStart ?? value.length;
    const inserted = `@${user.name} `;
    const next = value.slice(0, typing.start) + inserted + value.slice(caret);
    onChange(next);
    if (!mentions.some((m) => m.id === user.id)) onMentionsChange([...mentions, user]);
    setTyping(null);
    const position = typing.start + inserted.length;
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(position, position);
    });
  };

  return (
    <div style={{ position: "relative" }}>
      <Textarea
        ref={ref}
        label={label}
        description={t("content.comments.mentionHint")}
        autosize
        minRows={2}
        maxLength={5000}
        value={value}
        error={error}
        disabled={disabled}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          track(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onClick={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onBlur={() => setTimeout(() => setTyping(null), 150)}
        onKeyDown={(e) => {
          if (!open) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => (options.length ? (i + step + options.length) % options.length : 0));
          } else if ((e.key === "Enter" || e.key === "Tab") && options[active]) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setTyping(null);
          }
        }}
      />
      {open && (
        <Paper
          withBorder
          shadow="md"
          radius="sm"
          id={listId}
          role="listbox"
          aria-label={t("content.comments.mentionList")}
          pos="absolute"
          left={0}
          right={0}
          style={{ zIndex: 10, maxHeight: 240, overflowY: "auto" }}
        >
          {options.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t("content.comments.noUsers")}
            </Text>
          ) : (
            options.map((user, i) => (
              <UnstyledButton
                key={user.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                w="100%"
                px="xs"
                py={6}
                bg={i === active ? "indigo.0" : undefined}
                // mousedown, not click: the textarea's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose({ id: user.id, name: user.name });
                }}
              >
                <Text size="sm">{user.name}</Text>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </UnstyledButton>
            ))
          )}
        </Paper>
      )}
    </div>
  );
}
