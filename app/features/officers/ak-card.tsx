/** Angka kredit: the cumulative figure and progress towards the next pangkat and jenjang. */
import { Badge, Group, List, Paper, Progress, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconCheck, IconQuestionMark, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../lib/format";
import { jenjangName } from "./labels";
import type { AkProgress, OfficerView } from "./officers-api";

export function AkCard({ officer }: { officer: OfficerView }) {
  const { t } = useTranslation();
  const { ak } = officer;
  return (
    <Paper withBorder p="md" radius="md" data-testid="ak-card">
      <Title order={3} size="h4" mb="xs">
        {t("officers.ak.title")}
      </Title>
      <Group align="baseline" gap="xs">
        <Text fz={32} fw={700} lh={1.1} data-testid="ak-cumulative">
          {formatNumber(ak.cumulative)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("officers.ak.cumulative", { jenjang: jenjangName(officer.jenjang) })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="md">
        {t("officers.ak.includesAwal", { value: formatNumber(ak.akAwal) })}
      </Text>
      <Stack gap="lg">
        <ProgressBlock
          title={ak.nextPangkat.target ? t("officers.ak.nextPangkat", { target: ak.nextPangkat.target }) : t("officers.ak.nextPangkatNone")}
          progress={ak.nextPangkat}
          cumulative={ak.cumulative}
          testId="ak-next-pangkat"
        />
        <ProgressBlock
          title={
            ak.nextJenjang.target
              ? t("officers.ak.nextJenjang", { target: jenjangName(ak.nextJenjang.target) })
              : t("officers.ak.nextJenjangNone")
          }
          progress={ak.nextJenjang}
          cumulative={ak.cumulative}
          testId="ak-next-jenjang"
        />
      </Stack>
    </Paper>
  );
}

function ProgressBlock({
  title,
  progress,
  cumulative,
  testId,
}: {
  title: string;
  progress: AkProgress;
  cumulative: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const { threshold, remaining } = progress;
  const percent = threshold ? Math.min(100, (cumulative / threshold) * 100) : 0;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {progress.eligible && (
          <Badge color="teal" variant="filled" leftSection={<IconCheck size={12} />}>
            {t("officers.ak.eligible")}
          </Badge>
        )}
      </Group>
      {threshold === null && !progress.target && (
        <Text size="xs" c="dimmed">
          {t("officers.ak.noTarget")}
        </Text>
      )}
      {threshold !== null && (
        <>
          <Progress
            value={percent}
            color={percent >= 100 ? "teal" : "indigo"}
            size="lg"
            radius="xl"
            aria-label={title}
            aria-valuetext={`${formatNumber(cumulative)} / ${formatNumber(threshold)}`}
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              {t("officers.ak.ofThreshold", { value: formatNumber(cumulative), threshold: formatNumber(threshold) })}
            </Text>
            <Text size="xs" c={remaining ? "dimmed" : "teal"}>
              {remaining ? t("officers.ak.remaining", { value: formatNumber(remaining) }) : t("officers.ak.reached")}
            </Text>
          </Group>
        </>
      )}
      {progress.conditions.length > 0 && (
        <List spacing={4} size="sm" center>
          {progress.conditions.map((c) => (
            <List.Item key={c.code} icon={<ConditionIcon met={c.met} />}>
              <Text size="sm" span>
                {c.label}
              </Text>
              {c.met === null && (
                <Text size="xs" c="yellow.8" span ml={6}>
                  ({t("officers.ak.unknown")})
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function ConditionIcon({ met }: { met: boolean | null }) {
  const { t } = useTranslation();
  if (met === true)
    return (
      <ThemeIcon color="teal" size={20} radius="xl" aria-label={t("officers.ak.met")}>
        <IconCheck size={13} />
      </ThemeIcon>
    );
  if (met === false)
    return (
      <ThemeIcon color="red" size={20} radius="xl" aria-label={t("officers.ak.notMet")}>
        <IconX size={13} />
      </ThemeIcon>
    );
  return (
    <ThemeIcon color="yellow" size={20} radius="xl" aria-label={t("officers.ak.unknown")}>
      <IconQuestionMark size={13} />
    </ThemeIcon>
  );
}
