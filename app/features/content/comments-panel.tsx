/** Discussion on an item; "@Name" mentions notify the people named. */
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconSend } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError } from "../../lib/form-errors";
import { formatZoned } from "../../lib/format-date";
import { type ContentComment, useAddComment, useComments } from "./content-api";
import { type Mention, MentionTextarea } from "./mention-textarea";

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The body with the mentioned names highlighted. */
function CommentBody({ comment }: { comment: ContentComment }) {
  const names = comment.mentions.flatMap((m) => (m ? [m.name] : [])).filter(Boolean);
  if (names.length === 0) return <>{comment.body}</>;
  const pattern = new RegExp(`(@(?:${names.map(escapeRegExp).join("|")}))`, "g");
  return (
    <>
      {comment.body.split(pattern).map((part, i) =>
        names.some((n) => part === `@${n}`) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of one text, never reordered
          <Text key={`${i}-${part}`} span fw={600} c="indigo.7" size="sm">
            {part}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed split of one text, never reordered
          <Fragment key={`${i}-${part}`}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function CommentsPanel({ contentId, canComment, zone }: { contentId: string; canComment: boolean; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const comments = useComments(contentId);
  const add = useAddComment(contentId);
  const [body, setBody] = useState("");
  const [mentions, setMentions] = useState<Mention[]>([]);
  const [error, setError] = useState<string | null>(null);

  const send = () => {
    const text = body.trim();
    if (!text) return setError(t("validation.required"));
    // Only people whose "@Name" is still in the text are notified.
    const kept = mentions.filter((m) => text.includes(`@${m.name}`)).map((m) => m.id);
    add.mutate(
      { body: text, mentions: kept },
      {
        onSuccess: () => {
          setBody("");
          setMentions([]);
        },
        onError: (e) => handleApiError(e),
      },
    );
  };

  return (
    <Stack gap="md">
      {comments.isLoading ? (
        <LoadingState />
      ) : comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : (comments.data?.items.length ?? 0) === 0 ? (
        <Text size="sm" c="dimmed">
          {t("content.comments.empty")}
        </Text>
      ) : (
        <Stack gap="xs">
          {comments.data?.items.map((comment) => (
            <Paper key={comment.id} withBorder radius="sm" p="sm" data-testid="comment">
              <Group justify="space-between" gap="xs" mb={4}>
                <Text size="sm" fw={600}>
                  {comment.author?.name ?? "—"}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatZoned(comment.createdAt, zone, { short: true })}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                <CommentBody comment={comment} />
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canComment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
          noValidate
        >
          <Stack gap="xs">
            <MentionTextarea
              contentId={contentId}
              label={t("content.comments.label")}
              value={body}
              onChange={(value) => {
                setBody(value);
                setError(null);
              }}
              mentions={mentions}
              onMentionsChange={setMentions}
              error={error}
            />
            <Group justify="flex-end">
              <Button type="submit" leftSection={<IconSend size={16} />} loading={add.isPending}>
                {t("content.comments.send")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
