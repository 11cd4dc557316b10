/**
 * Plain-text email body with clickable links (invitation and reset links live here when no
 * SMTP server is configured). Splitting on a URL pattern avoids rendering any HTML.
 */
import { Anchor } from "@mantine/core";
import { Fragment } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

export function LinkifiedText({ text }: { text: string }) {
  // split() with a capture group alternates text, url, text, ...; the character offset is a stable key.
  let offset = 0;
  const parts = text.split(URL_PATTERN).map((part, i) => {
    const piece = { key: `${offset}`, part, isUrl: i % 2 === 1 };
    offset += part.length;
    return piece;
  });
  return (
    <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: "var(--mantine-font-size-sm)" }}>
      {parts.map(({ key, part, isUrl }) =>
        isUrl ? (
          <Anchor key={key} href={part} target="_blank" rel="noopener noreferrer">
            {part}
          </Anchor>
        ) : (
          <Fragment key={key}>{part}</Fragment>
        ),
      )}
    </div>
  );
}
