/** Audit entries; each row expands to show the before/after snapshots as JSON. */
import { ActionIcon, Code, Collapse, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import type { AuditEntry } from "./audit-api";

function Snapshot({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={4} miw={0}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-word", maxHeight: 360, overflow: "auto" }}>
        {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
      </Code>
    </Stack>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t("audit.at")}</Table.Th>
            <Table.Th>{t("audit.actor")}</Table.Th>
            <Table.Th>{t("audit.action")}</Table.Th>
            <Table.Th>{t("audit.entity")}</Table.Th>
            <Table.Th>{t("audit.organization")}</Table.Th>
            <Table.Th>{t("audit.ip")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            return (
              <Fragment key={entry.id}>
                <Table.Tr data-testid="audit-row">
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-expanded={expanded}
                      aria-controls={`audit-detail-${entry.id}`}
                      aria-label={t(expanded ? "audit.hideChanges" : "audit.showChanges", { seq: entry.seq })}
                      onClick={() => toggle(entry.id)}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>{entry.actorName ?? t("audit.system")}</Table.Td>
                  <Table.Td>
                    <Code>{entry.action}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.entityType}</Text>
                    {entry.entityId && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {entry.entityId}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{entry.organizationName ?? "—"}</Table.Td>
                  <Table.Td>{entry.ip ?? "—"}</Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={`audit-detail-${entry.id}`}>
                    <Table.Td colSpan={7} bg="gray.0">
                      <Collapse expanded={expanded}>
                        <SimpleGrid cols={{ base: 1, sm: 2 }}>
                          <Snapshot label={t("audit.before")} value={entry.before} />
                          <Snapshot label={t("audit.after")} value={entry.after} />
                        </SimpleGrid>
                      </Collapse>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
