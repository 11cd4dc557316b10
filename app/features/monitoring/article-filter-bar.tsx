/**
 * The Boolean query box (with syntax help and the error's position) and the filters the article
 * search and the analytics share: dates, tone, outlet and mentioned organization. Each page adds
 * its own controls (`children`) to the filter row.
 */
import { Button, Group, Select, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { TONES } from "../../../common/monitoring-article-enums";
import { OrganizationSelect } from "../../components/organization-select";
import { QueryErrorAlert, QuerySyntaxHelp, queryErrorPosition } from "./query-syntax";

export interface ArticleFilters {
  q?: string;
  from?: string;
  to?: string;
  tone?: (typeof TONES)[number];
  outlet?: string;
  organizationId?: string;
}

export function ArticleFilterBar({
  filters,
  onChange,
  error,
  placeholder,
  children,
}: {
  filters: ArticleFilters;
  onChange: (patch: Partial<ArticleFilters>) => void;
  /** The query's error, if any: a syntax error is shown with its position under the box. */
  error: unknown;
  placeholder: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(filters.q ?? "");
  const syntaxError = queryErrorPosition(error) !== null;
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: query.trim() || undefined });
        }}
      >
        <Group align="flex-end" gap="xs" mb="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t("monitoringArticles.query")}
            placeholder={placeholder}
            leftSection={<IconSearch size={16} />}
            value={query}
            maxLength={1000}
            error={syntaxError}
            onChange={(e) => setQuery(e.currentTarget.value)}
          />
          <QuerySyntaxHelp />
          <Button type="submit">{t("monitoringArticles.searchButton")}</Button>
        </Group>
      </form>
      {syntaxError && <QueryErrorAlert error={error} query={filters.q ?? ""} />}
      <Group align="flex-end" mb="md" mt="xs" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t("monitoringArticles.from")}
          value={filters.from ?? ""}
          onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
          w={160}
        />
        <TextInput
          type="date"
          label={t("monitoringArticles.to")}
          value={filters.to ?? ""}
          onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
          w={160}
        />
        <Select
          label={t("monitoringArticles.tone")}
          data={TONES.map((v) => ({ value: v, label: t(`monitoringArticles.tones.${v}`) }))}
          clearable
          placeholder={t("common.all")}
          value={filters.tone ?? null}
          onChange={(v) => onChange({ tone: (v as ArticleFilters["tone"]) ?? undefined })}
          w={140}
        />
        <TextInput
          label={t("monitoringArticles.outlet")}
          defaultValue={filters.outlet ?? ""}
          onBlur={(e) => onChange({ outlet: e.currentTarget.value.trim() || undefined })}
          w={170}
        />
        <OrganizationSelect
          label={t("monitoringArticles.mentioned")}
          placeholder={t("common.all")}
          value={filters.organizationId ?? null}
          onChange={(v) => onChange({ organizationId: v ?? undefined })}
          w={240}
        />
        {children}
      </Group>
    </>
  );
}
