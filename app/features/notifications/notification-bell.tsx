/**
 * The bell in the header: unread count, the latest notifications linking to their items, and
 * "tandai semua dibaca". Polled every 30 s; opening an item marks its notification read.
 */
import { ActionIcon, Box, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from "@mantine/core";
import { IconBell, IconChecks } from "@tabler/icons-react";
import { useNavigate } from "@tanstack/react-router";
import dayjs from "dayjs";
import relativeTime from "dayjs/plugin/relativeTime";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { handleApiError } from "../../lib/form-errors";
import { hasAbility, useOptionalSession } from "../auth/session";
import { useAlertStream } from "../monitoring-alerts/alerts-api";
import { appPath } from "./app-path";
import { type NotificationItem, useMarkRead, useNotifications } from "./notifications-api";

dayjs.extend(relativeTime);

export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  // New monitoring alerts refresh the bell at once (Server-Sent Events) instead of at the next poll.
  // The bell is mounted once per tab, so this is the tab's only alert stream (the alerts page reads it).
  useAlertStream(hasAbility(useOptionalSession(), "alerts.read"));
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (item: NotificationItem) => {
    if (!item.read) markRead.mutate({ ids: [item.id] });
    const path = item.link ? appPath(item.link) : null;
    setOpened(false);
    // Links are stored as app paths; the router's typed `to` cannot know them statically.
    if (path) void navigate({ to: path as never });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} shadow="md" withArrow>
      <Popover.Target>
        <Indicator disabled={unread === 0} label={unread > 99 ? "99+" : unread} size={16} color="red" offset={4} inline>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600} size="sm">
            {t("notifications.title")}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markRead.isPending && markRead.variables?.all === true}
            onClick={() => markRead.mutate({ all: true }, { onError: (e) => handleApiError(e) })}
          >
            {t("notifications.markAllRead")}
          </Button>
        </Group>
        <Divider />
        {list.isError ? (
          <Text size="sm" c="dimmed" p="sm">
            {t("notifications.unavailable")}
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {list.isLoading ? t("common.loading") : t("notifications.empty")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("notifications.title")}>
              {items.map((item) => (
                <Box component="li" key={item.id}>
                  <UnstyledButton
                    w="100%"
                    px="sm"
                    py="xs"
                    onClick={() => open(item)}
                    bg={item.read ? undefined : "indigo.0"}
                    data-testid="notification"
                    data-read={item.read}
                    style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
                  >
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Box
                        mt={6}
                        w={8}
                        h={8}
                        style={{
                          borderRadius: "50%",
                          flexShrink: 0,
                          background: item.read ? "transparent" : "var(--mantine-color-indigo-6)",
                        }}
                        aria-hidden
                      />
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Text size="sm" fw={item.read ? 400 : 600} style={{ overflowWrap: "anywhere" }}>
                          {item.title}
                        </Text>
                        {item.body && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {item.body}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {dayjs(item.createdAt).fromNow()}
                          {!item.read && ` · ${t("notifications.unread")}`}
                        </Text>
                      </Stack>
                    </Group>
                  </UnstyledButton>
                </Box>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
