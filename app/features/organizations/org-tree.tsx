/** Indented tree of organizations with expand/collapse and a per-row action menu. */
import { ActionIcon, Avatar, Badge, Box, Group, Menu, Paper, Text } from "@mantine/core";
import {
  IconBuilding,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconPencil,
  IconPlayerPlay,
  IconPlus,
  IconPower,
} from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { allowed } from "../../lib/format";
import { logoUrl, type OrganizationView } from "./organizations-api";

export interface OrgTreeActions {
  onEdit: (org: OrganizationView) => void;
  onCreateChild: (org: OrganizationView) => void;
  onToggleActive: (org: OrganizationView) => void;
}

interface Props extends OrgTreeActions {
  items: OrganizationView[];
  childCount: Map<string, number>;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  logoVersion: number;
}

export function OrgTree({ items, childCount, collapsed, onToggle, logoVersion, ...actions }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" role="tree" aria-label={t("organizations.treeLabel")}>
      {items.map((org) => (
        <OrgNode
          key={org.id}
          org={org}
          hasChildren={(childCount.get(org.id) ?? 0) > 0}
          expanded={!collapsed.has(org.id)}
          onToggle={onToggle}
          logoVersion={logoVersion}
          {...actions}
        />
      ))}
    </Paper>
  );
}

interface NodeProps extends OrgTreeActions {
  org: OrganizationView;
  hasChildren: boolean;
  expanded: boolean;
  onToggle: (id: string) => void;
  logoVersion: number;
}

function OrgNode({ org, hasChildren, expanded, onToggle, logoVersion, onEdit, onCreateChild, onToggleActive }: NodeProps) {
  const { t } = useTranslation();
  // The server's `deactivate` ability governs reactivation too.
  const canToggle = allowed(org.can, "deactivate");
  const hasMenu = allowed(org.can, "update", "createChild") || canToggle;

  return (
    <Group
      data-testid="org-node"
      role="treeitem"
      aria-level={org.depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      wrap="nowrap"
      gap="xs"
      py={6}
      pr="xs"
      pl={`calc(var(--mantine-spacing-xs) + ${Math.min(org.depth, 8) * 18}px)`}
      style={{ borderBottom: "1px solid var(--mantine-color-gray-2)", opacity: org.active ? 1 : 0.6 }}
    >
      {hasChildren ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={() => onToggle(org.id)}
          aria-label={t(expanded ? "organizations.collapse" : "organizations.expand", { name: org.name })}
        >
          {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
        </ActionIcon>
      ) : (
        <Box w={22} />
      )}
      <Avatar src={org.hasLogo ? logoUrl(org.id, logoVersion) : null} size={28} radius="sm" alt="">
        <IconBuilding size={16} />
      </Avatar>
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} truncate="end">
          {org.name}
        </Text>
        <Group gap={4} wrap="wrap">
          <Text size="xs" c="dimmed">
            {org.shortName}
          </Text>
          <Badge size="xs" variant="light" color="gray">
            {t(`kinds.${org.kind}`)}
          </Badge>
          {org.regionName && (
            <Text size="xs" c="dimmed" visibleFrom="xs">
              · {org.regionName}
            </Text>
          )}
          <Badge size="xs" variant="outline" color="gray">
            {org.timeZone}
          </Badge>
          {!org.active && (
            <Badge size="xs" color="red" variant="light">
              {t("organizations.inactive")}
            </Badge>
          )}
        </Group>
      </Box>
      {hasMenu && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t("organizations.actionsFor", { name: org.name })}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {allowed(org.can, "update") && (
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(org)}>
                {t("organizations.edit")}
              </Menu.Item>
            )}
            {org.active && allowed(org.can, "createChild") && (
              <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => onCreateChild(org)}>
                {t("organizations.addChild")}
              </Menu.Item>
            )}
            {canToggle && (
              <Menu.Item
                color={org.active ? "red" : undefined}
                leftSection={org.active ? <IconPower size={14} /> : <IconPlayerPlay size={14} />}
                onClick={() => onToggleActive(org)}
              >
                {org.active ? t("organizations.deactivate") : t("organizations.reactivate")}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}
