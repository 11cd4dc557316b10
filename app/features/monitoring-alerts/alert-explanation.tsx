/** Why a spike alert fired: its stories, outlets and distinctive terms (log-odds vs the week before). */
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AlertEventView } from "./alerts-api";

export function AlertExplanation({ explanation: x }: { explanation: NonNullable<AlertEventView["explanation"]> }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mt="xs">
      <Text size="sm">
        {x.negativeShare !== undefined
          ? t("alerts.explain.share", { share: Math.round(x.negativeShare * 100), count: x.count ?? 0 })
          : t("alerts.explain.volume", { count: x.count ?? 0, expected: Math.round(x.expected ?? 0) })}
        {x.z !== undefined && ` · z = ${x.z.toFixed(1)}`}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed">
            {t("alerts.explain.stories")}
          </Text>
          {(x.stories ?? []).map((s) => (
            <Text size="sm" key={s.articleId}>
              <Anchor href={s.url} target="_blank" rel="noreferrer">
                {s.title}
              </Anchor>{" "}
              ({s.count})
            </Text>
          ))}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed">
            {t("alerts.explain.outlets")}
          </Text>
          {(x.outlets ?? []).map((o) => (
            <Text size="sm" key={o.name}>
              {o.name} ({o.count})
            </Text>
          ))}
        </Stack>
        <Stack gap={2}>
          <Text size="xs" fw={600} c="dimmed">
            {t("alerts.explain.terms")}
          </Text>
          <Group gap={4}>
            {(x.terms ?? []).map((term) => (
              <Badge key={term.term} variant="light" title={`log-odds ${term.logOdds}`}>
                {term.term} · {term.count}
              </Badge>
            ))}
          </Group>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
