import { Group, Pagination, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Pagination with a "x–y of total" summary; hidden when everything fits on one page. */
export function ListPagination({
  page,
  pageSize,
  total,
  totalCapped = false,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The server stopped counting at `total`: there are more ("10.000+"), reachable by narrowing the search. */
  totalCapped?: boolean;
  onChange: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed">
        {t(totalCapped ? "common.rangeCapped" : "common.range", { from, to, total: total.toLocaleString(i18n.language) })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          siblings={1}
          getControlProps={(control) => ({
            "aria-label": control === "next" ? t("common.nextPage") : control === "previous" ? t("common.previousPage") : undefined,
          })}
        />
      )}
    </Group>
  );
}
