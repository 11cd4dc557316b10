/**
 * "Kelengkapan": what the type needs before review, computed with the same `missingForReview`
 * the server runs on submit, so the author sees the gaps before pressing "Ajukan".
 */
import { List, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type ContentType, REQUIRED_FOR_REVIEW } from "../../../common/schemas/content";

/** "photos.2.caption" → "Foto 3: keterangan"; plain keys → their field label. */
export function useMissingLabel() {
  const { t } = useTranslation();
  return (key: string): string => {
    const row = /^(quotes|photos|images)\.(\d+)\.(\w+)$/.exec(key);
    if (row) {
      const [, list, index, field] = row;
      return t(`content.missing.${list}Row`, { n: Number(index) + 1, field: t(`content.missing.rowFields.${field}`) });
    }
    return t(`content.missing.${key}`, { defaultValue: key });
  };
}

export function CompletenessChecklist({ type, missing }: { type: ContentType; missing: string[] }) {
  const { t } = useTranslation();
  const label = useMissingLabel();
  const required = REQUIRED_FOR_REVIEW[type];
  const rowGaps = missing.filter((key) => !required.includes(key));
  const complete = missing.length === 0;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t("content.completeness")} data-testid="completeness">
      <Stack gap="xs">
        <Title order={4}>{t("content.completeness")}</Title>
        <Text size="xs" c={complete ? "teal.7" : "dimmed"}>
          {complete ? t("content.completenessDone") : t("content.completenessHint", { count: missing.length })}
        </Text>
        <List spacing={4} size="sm" center>
          {[...required, ...rowGaps].map((key) => {
            const ok = !missing.includes(key);
            return (
              <List.Item
                key={key}
                data-done={ok}
                icon={
                  <ThemeIcon color={ok ? "teal" : "orange"} size={18} radius="xl" variant={ok ? "filled" : "light"}>
                    {ok ? <IconCheck size={12} /> : <IconX size={12} />}
                  </ThemeIcon>
                }
              >
                <Text size="sm" c={ok ? undefined : "orange.9"}>
                  {label(key)}
                  <VisuallyHidden>{ok ? ` — ${t("content.filled")}` : ` — ${t("content.notFilled")}`}</VisuallyHidden>
                </Text>
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Paper>
  );
}
