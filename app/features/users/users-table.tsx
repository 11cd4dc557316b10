/** User table: sortable headers (name, email, created), one row per user, scrolls on phones. */
import { Anchor, Badge, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../lib/format";
import { UserStatusBadge } from "./user-badges";
import type { UserSort, UserView } from "./users-api";

type SortField = "name" | "email" | "createdAt";

function SortHeader({ field, sort, onSort, label }: { field: SortField; sort: UserSort; onSort: (s: UserSort) => void; label: string }) {
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const Icon = !active ? IconSelector : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton onClick={() => onSort(active && !descending ? (`-${field}` as UserSort) : field)}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function UsersTable({ users, sort, onSort }: { users: UserView[]; sort: UserSort; onSort: (s: UserSort) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="name" sort={sort} onSort={onSort} label={t("users.name")} />
            <SortHeader field="email" sort={sort} onSort={onSort} label={t("users.email")} />
            <Table.Th>{t("users.status")}</Table.Th>
            <Table.Th>{t("users.grants")}</Table.Th>
            <Table.Th>{t("users.lastLogin")}</Table.Th>
            <SortHeader field="createdAt" sort={sort} onSort={onSort} label={t("users.createdAt")} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row">
              <Table.Td>
                <Anchor component={Link} to={`/users/${user.id}`} fw={500} size="sm">
                  {user.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <UserStatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {user.grants.slice(0, 3).map((g) => (
                    <Badge
                      key={g.id}
                      variant="outline"
                      size="sm"
                      maw="100%"
                      style={{ textTransform: "none" }}
                      title={`${g.organizationName}: ${t(`roles.${g.role}`)}`}
                    >
                      {g.organizationName}: {t(`roles.${g.role}`)}
                    </Badge>
                  ))}
                  {user.grants.length > 3 && <Text size="xs">+{user.grants.length - 3}</Text>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(user.lastLoginAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDate(user.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
