/** The eligibility check as a list of rules, each passed or failed with the server's reason. */
import { Alert, Card, Group, Loader, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { EligibilityView } from "./media-cooperation-api";

interface Props {
  check: EligibilityView | null;
  loading?: boolean;
  error?: Error | null;
  /** Nothing to check yet (no organization or outlet chosen). */
  empty?: boolean;
  title?: string;
}

export function EligibilityPanel({ check, loading, error, empty, title }: Props) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" aria-live="polite" data-testid="eligibility">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title ?? t("mediaCooperation.eligibility")}</Text>
        {loading && <Loader size="xs" />}
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t("mediaCooperation.eligibilityEmpty")}
        </Text>
      ) : error ? (
        <Alert color="red">{error.message}</Alert>
      ) : check ? (
        <Stack gap="xs">
          <Alert color={check.passed ? "teal" : "red"} py="xs">
            {check.passed ? t("mediaCooperation.eligiblePassed") : t("mediaCooperation.eligibleFailed")}
          </Alert>
          {check.rules.map((r) => (
            <Group key={r.kind} gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon size="sm" radius="xl" color={r.passed ? "teal" : "red"} aria-hidden>
                {r.passed ? <IconCheck size={12} /> : <IconX size={12} />}
              </ThemeIcon>
              <div>
                <Text size="sm" fw={500}>
                  {t(`mediaCooperation.rules.${r.kind}`, { defaultValue: r.kind })}
                  {" — "}
                  {r.passed ? t("mediaCooperation.rulePassed") : t("mediaCooperation.ruleFailed")}
                </Text>
                <Text size="sm" c="dimmed">
                  {r.reason}
                </Text>
              </div>
            </Group>
          ))}
          {check.rules.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("mediaCooperation.noRules")}
            </Text>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}
