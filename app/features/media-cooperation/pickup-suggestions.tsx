/**
 * Evidence from media monitoring: articles of the contract's outlet in the contract period that
 * carried one of our press releases (release pickups). "Pakai" fills the publication form; the
 * officer still checks it and may add a screenshot before saving.
 */
import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { releasePickupList } from "../../../common/schemas/release-pickups";
import { api } from "../../api/client";
import { formatDate } from "../../lib/format";
import type { ContractView } from "./media-cooperation-api";

type PickupList = z.infer<typeof releasePickupList>;
export interface PickupChoice {
  title: string;
  publishedOn: string;
  link: string;
}

export function PickupSuggestions({ contract: c, onUse }: { contract: ContractView; onUse: (choice: PickupChoice) => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ["mediaCooperation", c.id, "pickups"],
    queryFn: () =>
      api<PickupList>("/release-pickups", { query: { outletId: c.outletId, from: c.periodStart, to: c.periodEnd, limit: 50 } }),
  });
  const recorded = new Set(c.deliverables.map((d) => d.link).filter(Boolean));
  const fresh = (query.data?.items ?? []).filter((p) => !recorded.has(p.articleUrl));
  if (fresh.length === 0) return null;
  return (
    <Stack gap={4} data-testid="pickup-suggestions">
      <Text size="sm" fw={500}>
        {t("mediaCooperation.pickupSuggestions")}
      </Text>
      {fresh.map((p) => (
        <Group key={p.id} gap="xs" wrap="nowrap" justify="space-between">
          <Text size="sm" lineClamp={1}>
            {formatDate(p.publishedAt.slice(0, 10))} ·{" "}
            <Anchor href={p.articleUrl} target="_blank" rel="noreferrer noopener" size="sm">
              {p.articleTitle}
            </Anchor>{" "}
            ({Math.round(p.containment * 100)}%)
          </Text>
          <Button
            size="xs"
            variant="light"
            onClick={() => onUse({ title: p.articleTitle, publishedOn: p.publishedAt.slice(0, 10), link: p.articleUrl })}
          >
            {t("mediaCooperation.usePickup")}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
