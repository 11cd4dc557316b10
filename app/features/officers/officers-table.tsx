/** Officer table: one row per officer with NIP, placement, jenjang/golongan; scrolls on phones. */
import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { jenjangName } from "./labels";
import { OfficerStatusBadge } from "./officer-badges";
import type { OfficerSummary } from "./officers-api";

export function OfficersTable({ officers }: { officers: OfficerSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("officers.nameAndNip")}</Table.Th>
            <Table.Th>{t("officers.organization")}</Table.Th>
            <Table.Th>{t("officers.jenjang")}</Table.Th>
            <Table.Th>{t("officers.golongan")}</Table.Th>
            <Table.Th>{t("officers.supervisor")}</Table.Th>
            <Table.Th>{t("officers.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {officers.map((o) => (
            <Table.Tr key={o.id} data-testid="officer-row">
              <Table.Td>
                <Stack gap={0}>
                  <Anchor component={Link} to={`/officers/${o.id}`} fw={500} size="sm">
                    {o.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {o.nip}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.organizationName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {jenjangName(o.jenjang)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.golongan}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{o.supervisorName ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <OfficerStatusBadge active={o.active} />
                  {o.eligible?.pangkat && (
                    <Badge color="teal" variant="light" style={{ minWidth: "max-content" }} data-testid="eligible-pangkat">
                      {t("officers.eligiblePangkat")}
                    </Badge>
                  )}
                  {o.eligible?.jenjang && (
                    <Badge color="grape" variant="light" style={{ minWidth: "max-content" }} data-testid="eligible-jenjang">
                      {t("officers.eligibleJenjang")}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
