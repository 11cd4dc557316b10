/**
 * A horizontal bar chart made of plain elements: readable on a 360 px phone, accessible as a
 * list (each bar states its value in text), and without a charting dependency.
 */
import { Box, Group, Stack, Text } from "@mantine/core";
import { formatNumber } from "../../lib/format";

export interface Bar {
  label: string;
  value: number;
  /** A second, stacked value (e.g. not yet approved), drawn lighter. */
  extra?: number;
  color?: string;
}

export function BarList({ bars, empty }: { bars: Bar[]; empty: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value + (b.extra ?? 0)));
  if (bars.every((b) => b.value + (b.extra ?? 0) === 0)) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={8} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {bars.map((b) => (
        <Box component="li" key={b.label} data-testid="bar">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>
              {b.label}
            </Text>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
              {formatNumber(b.value + (b.extra ?? 0), 0)}
            </Text>
          </Group>
          <Group
            gap={0}
            h={8}
            mt={4}
            style={{ background: "var(--mantine-color-gray-1)", borderRadius: 4, overflow: "hidden" }}
            wrap="nowrap"
          >
            <Box h="100%" w={`${(b.value / max) * 100}%`} bg={b.color ?? "blue.6"} />
            {b.extra ? <Box h="100%" w={`${(b.extra / max) * 100}%`} bg="blue.2" /> : null}
          </Group>
        </Box>
      ))}
    </Stack>
  );
}
