import { Paper, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** Bordered section with a heading, used by every part of the account page. */
export function SectionCard({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      <div style={{ marginTop: "var(--mantine-spacing-md)" }}>{children}</div>
    </Paper>
  );
}
