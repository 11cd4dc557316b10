/**
 * Volume and tone over time as stacked columns in plain SVG (no chart library: one chart does not
 * justify one in the bundle). Each column has a title for hover and the table below is the
 * accessible reading of the same figures.
 */
import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnalyticsView } from "./analytics-api";

const SERIES = [
  ["negative", "var(--mantine-color-red-6)"],
  ["neutral", "var(--mantine-color-gray-5)"],
  ["positive", "var(--mantine-color-green-6)"],
  ["unrated", "var(--mantine-color-gray-2)"],
] as const;

export function VolumeChart({ volume }: { volume: AnalyticsView["volume"] }) {
  const { t } = useTranslation();
  const height = 160;
  const max = Math.max(1, ...volume.map((v) => v.total));
  const w = 100 / Math.max(1, volume.length);
  return (
    <div>
      <svg
        viewBox={`0 0 100 ${height}`}
        preserveAspectRatio="none"
        width="100%"
        height={height}
        role="img"
        aria-label={t("monitoringAnalytics.volume")}
      >
        {volume.map((v, i) => {
          let y = height;
          return (
            <g key={v.bucket}>
              <title>{`${v.bucket}: ${v.total} (${SERIES.map(([k]) => `${t(`monitoringAnalytics.tones.${k}`)} ${v[k]}`).join(", ")})`}</title>
              {SERIES.map(([key, color]) => {
                const h = (v[key] / max) * (height - 4);
                y -= h;
                return h > 0 ? <rect key={key} x={i * w + w * 0.1} y={y} width={w * 0.8} height={h} fill={color} /> : null;
              })}
            </g>
          );
        })}
      </svg>
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {volume[0]?.bucket}
        </Text>
        <Group gap="sm">
          {SERIES.map(([key, color]) => (
            <Group key={key} gap={4}>
              <span style={{ width: 10, height: 10, background: color, display: "inline-block", borderRadius: 2 }} />
              <Text size="xs">{t(`monitoringAnalytics.tones.${key}`)}</Text>
            </Group>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {volume.at(-1)?.bucket}
        </Text>
      </Group>
    </div>
  );
}
