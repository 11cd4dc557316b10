/** Katalog hasil kerja: the shared list of work outputs; system administrators maintain it. */
import { ActionIcon, Badge, Button, Group, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { IconChevronDown, IconChevronRight, IconPencil, IconPlus, IconSearch } from "@tabler/icons-react";
import { Fragment, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { allowed } from "../../lib/format";
import { jenjangName } from "../officers/labels";
import { type HasilKerjaType, HK_KATEGORI, useHasilKerjaTypes, useUpdateHasilKerjaType } from "./catalogue-api";
import { HasilKerjaModal, type HasilKerjaModalState } from "./hasil-kerja-modal";

export function CataloguePage() {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const list = useHasilKerjaTypes();
  const update = useUpdateHasilKerjaType();
  const [modal, setModal] = useState<HasilKerjaModalState>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState("");
  const [kategori, setKategori] = useState<string | null>(null);
  const canManage = allowed(list.data?.can, "manage");

  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (list.data?.items ?? []).filter(
      (i) => (!q || `${i.code} ${i.name} ${i.definition}`.toLowerCase().includes(q)) && (!kategori || i.kategori === kategori),
    );
  }, [list.data, query, kategori]);

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const setActive = async (type: HasilKerjaType, active: boolean) => {
    if (!active) {
      const ok = await confirm({
        title: t("catalogue.deactivateTitle"),
        message: t("catalogue.deactivateBody", { name: type.name }),
        confirmLabel: t("catalogue.deactivate"),
        danger: true,
      });
      if (!ok) return;
    }
    update.mutate(
      { id: type.id, body: { active } },
      {
        onSuccess: () => notifySuccess(active ? t("catalogue.activated") : t("catalogue.deactivated")),
        onError: (error) => handleApiError(error),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t("catalogue.title")}
        description={t("catalogue.description")}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setModal({ mode: "create" })}>
              {t("catalogue.create")}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} mb="md" maw={720}>
        <TextInput
          label={t("catalogue.search")}
          placeholder={t("catalogue.searchPlaceholder")}
          leftSection={<IconSearch size={16} />}
          value={query}
          maxLength={100}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <Select
          label={t("catalogue.kategori")}
          placeholder={t("common.all")}
          clearable
          data={HK_KATEGORI.map((k) => ({ value: k, label: t(`kategori.${k}`) }))}
          value={kategori}
          onChange={setKategori}
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {list.isLoading ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={list.data?.items.length ? t("catalogue.noMatches") : t("catalogue.empty")}
          description={list.data?.items.length ? t("common.tryOtherSearch") : undefined}
        />
      ) : (
        <Table.ScrollContainer minWidth={820} type="native">
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t("catalogue.code")}</Table.Th>
                <Table.Th>{t("catalogue.name")}</Table.Th>
                <Table.Th>{t("catalogue.kategori")}</Table.Th>
                <Table.Th>{t("catalogue.jenjang")}</Table.Th>
                <Table.Th>{t("catalogue.status")}</Table.Th>
                {canManage && <Table.Th w={50} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((type) => {
                const open = expanded.has(type.id);
                return (
                  <Fragment key={type.id}>
                    <Table.Tr data-testid="hasil-kerja-row" style={{ opacity: type.active ? 1 : 0.65 }}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-expanded={open}
                          aria-label={t(open ? "catalogue.hideDetails" : "catalogue.showDetails", { code: type.code })}
                          onClick={() => toggle(type.id)}
                        >
                          {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                          {type.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {type.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`kategori.${type.kategori}`)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {type.jenjang.length === 0 ? (
                            <Text size="xs" c="dimmed">
                              {t("catalogue.allJenjang")}
                            </Text>
                          ) : (
                            type.jenjang.map((j) => (
                              <Badge key={j} variant="light" size="sm" style={{ textTransform: "none", minWidth: "max-content" }}>
                                {jenjangName(j)}
                              </Badge>
                            ))
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {canManage ? (
                          <Switch
                            checked={type.active}
                            aria-label={t("catalogue.activeFor", { code: type.code })}
                            label={type.active ? t("catalogue.active") : t("catalogue.inactive")}
                            onChange={(e) => void setActive(type, e.currentTarget.checked)}
                          />
                        ) : (
                          <Badge color={type.active ? "teal" : "gray"} variant="light" style={{ minWidth: "max-content" }}>
                            {type.active ? t("catalogue.active") : t("catalogue.inactive")}
                          </Badge>
                        )}
                      </Table.Td>
                      {canManage && (
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            aria-label={t("catalogue.editFor", { code: type.code })}
                            onClick={() => setModal({ mode: "edit", type })}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Table.Td>
                      )}
                    </Table.Tr>
                    {open && (
                      <Table.Tr data-testid="hasil-kerja-details">
                        <Table.Td />
                        <Table.Td colSpan={canManage ? 6 : 5}>
                          <Stack gap="xs" pb="xs" maw={760}>
                            <Detail label={t("catalogue.definition")} text={type.definition} />
                            <Detail label={t("catalogue.examples")} text={type.examples} />
                            <Detail label={t("catalogue.evidence")} text={type.evidence} />
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <HasilKerjaModal state={modal} onClose={() => setModal(null)} />
    </>
  );
}

function Detail({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-line" }}>
        {text || "—"}
      </Text>
    </div>
  );
}
