/** The approval chain of this item: who may approve each step, who did, and where it stands. */
import { Badge, Group, Paper, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCheck, IconHourglass, IconPoint } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ReviewStep } from "./content-api";

export function ReviewSteps({ steps }: { steps: ReviewStep[] }) {
  const { t } = useTranslation();
  // The server labels a step by its roles ("editor, admin") or "leader"; named people have no label.
  const stepLabel = (label: string) =>
    label
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((role) => t(`roles.${role}`, { defaultValue: role }))
      .join(", ") || t("content.review.namedPeople");
  if (steps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("content.review.none")}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {steps.map((step) => (
        <Paper
          key={step.index}
          withBorder
          radius="sm"
          p="xs"
          data-testid="review-step"
          data-current={step.current}
          data-done={step.done}
          style={step.current ? { borderColor: "var(--mantine-color-blue-5)", borderWidth: 2 } : undefined}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon
              size={22}
              radius="xl"
              color={step.done ? "teal" : step.current ? "blue" : "gray"}
              variant={step.done ? "filled" : "light"}
            >
              {step.done ? <IconCheck size={14} /> : step.current ? <IconHourglass size={14} /> : <IconPoint size={14} />}
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {t("content.review.step", { n: step.index })}: {stepLabel(step.label)}
                </Text>
                <Badge size="xs" variant="light" color="gray" style={{ textTransform: "none" }}>
                  {t(`content.review.mode.${step.mode}`)}
                </Badge>
                {step.current && (
                  <Badge size="xs" color="blue">
                    {t("content.review.current")}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {t("content.review.approvers")}: {step.approvers.map((a) => a.name).join(", ") || "—"}
              </Text>
              {step.approvedBy.length > 0 && (
                <Text size="xs" c="teal.8" style={{ overflowWrap: "anywhere" }}>
                  {t("content.review.approvedBy")}: {step.approvedBy.map((a) => a.name).join(", ")}
                </Text>
              )}
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
