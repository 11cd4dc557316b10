/**
 * The guest list of an event: RSVP counts, a name search and RSVP filter, invite (journalist
 * picker), per-guest RSVP link to copy, QR card, manual check-in and removal (confirmed).
 */
import { ActionIcon, Badge, Button, CopyButton, Group, Menu, Select, Table, Text, TextInput, Tooltip } from "@mantine/core";
import { IconCheck, IconDots, IconMail, IconPrinter, IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RSVP_ANSWERS } from "../../../common/press-events-enums";
import type { TimeZoneCode } from "../../../common/roles";
import { useConfirm } from "../../components/confirm-provider";
import { EmptyState, ErrorState, LoadingState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned } from "../../lib/format-date";
import { InviteModal } from "./invite-modal";
import {
  cardsUrl,
  type PressEventView,
  type RsvpCounts,
  useCheckInById,
  useInvitations,
  useSendInvitations,
  useUninvite,
} from "./press-events-api";

const RSVP_COLOR: Record<string, string> = { hadir: "green", tidak_hadir: "red", mungkin: "yellow" };

export function RsvpCountBadges({ counts }: { counts: RsvpCounts }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge variant="light">{t("pressEvents.counts.invited", { count: counts.invited })}</Badge>
      <Badge variant="light" color="green">
        {t("pressEvents.counts.hadir", { count: counts.hadir, crew: counts.crew })}
      </Badge>
      <Badge variant="light" color="yellow">
        {t("pressEvents.counts.mungkin", { count: counts.mungkin })}
      </Badge>
      <Badge variant="light" color="red">
        {t("pressEvents.counts.tidakHadir", { count: counts.tidakHadir })}
      </Badge>
      <Badge variant="light" color="gray">
        {t("pressEvents.counts.noAnswer", { count: counts.noAnswer })}
      </Badge>
      <Badge color="teal">{t("pressEvents.counts.checkedIn", { count: counts.checkedIn, walkIns: counts.walkIns })}</Badge>
    </Group>
  );
}

export function InvitationsPanel({ event }: { event: PressEventView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const guests = useInvitations(event.id);
  const uninvite = useUninvite(event.id);
  const checkIn = useCheckInById(event.id);
  const send = useSendInvitations(event.id);
  const [inviting, setInviting] = useState(false);
  const [q, setQ] = useState("");
  const [rsvp, setRsvp] = useState<string | null>(null);
  const manage = event.can.manage === true;
  const open = event.status === "draft" || event.status === "invited";
  const zone = event.timeZone as TimeZoneCode;

  if (guests.isLoading) return <LoadingState />;
  if (guests.isError || !guests.data) return <ErrorState error={guests.error} onRetry={() => void guests.refetch()} />;
  const needle = q.trim().toLowerCase();
  const rows = guests.data.items.filter(
    (g) =>
      (!needle || g.name.toLowerCase().includes(needle) || (g.outlet ?? "").toLowerCase().includes(needle)) &&
      (!rsvp || (rsvp === "none" ? !g.rsvp && !g.walkIn : rsvp === "checkedIn" ? !!g.checkedInAt : g.rsvp === rsvp)),
  );

  const remove = async (id: string, name: string) => {
    if (
      !(await confirm({
        title: t("pressEvents.guests.removeTitle"),
        message: t("pressEvents.guests.removeMessage", { name }),
        confirmLabel: t("pressEvents.remove"),
        danger: true,
      }))
    )
      return;
    try {
      await uninvite.mutateAsync(id);
      notifySuccess(t("pressEvents.guests.removed"));
    } catch (err) {
      handleApiError(err);
    }
  };
  const sendEmails = async () => {
    const pending = guests.data?.items.filter((g) => !g.walkIn && !g.emailedAt && g.email).length ?? 0;
    if (
      !(await confirm({
        title: t("pressEvents.guests.sendTitle"),
        message: t("pressEvents.guests.sendMessage", { count: pending }),
        confirmLabel: t("pressEvents.guests.send"),
      }))
    )
      return;
    try {
      const r = await send.mutateAsync(undefined);
      notifySuccess(t("pressEvents.guests.sent", { count: r.emailed }));
    } catch (err) {
      handleApiError(err);
    }
  };
  const markPresent = async (id: string) => {
    try {
      const r = await checkIn.mutateAsync(id);
      notifySuccess(
        r.alreadyCheckedIn
          ? t("pressEvents.checkIn.already", { name: r.invitation.name })
          : t("pressEvents.checkIn.done", { name: r.invitation.name }),
      );
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <RsvpCountBadges counts={guests.data.counts} />
      <Group align="flex-end" my="md" gap="sm" justify="space-between">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t("pressEvents.guests.search")}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label={t("pressEvents.guests.rsvp")}
            clearable
            placeholder={t("common.all")}
            data={[
              ...RSVP_ANSWERS.map((a) => ({ value: a, label: t(`pressEvents.rsvp.${a}`) })),
              { value: "none", label: t("pressEvents.rsvp.none") },
              { value: "checkedIn", label: t("pressEvents.guests.checkedIn") },
            ]}
            value={rsvp}
            onChange={setRsvp}
            w={180}
          />
        </Group>
        {manage && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPrinter size={16} />} component="a" href={cardsUrl(event.id)} download>
              {t("pressEvents.guests.cards")}
            </Button>
            {event.status === "invited" && (
              <Button variant="default" leftSection={<IconMail size={16} />} loading={send.isPending} onClick={() => void sendEmails()}>
                {t("pressEvents.guests.send")}
              </Button>
            )}
            {open && (
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
                {t("pressEvents.guests.invite")}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState
          title={guests.data.items.length ? t("pressEvents.guests.noMatches") : t("pressEvents.guests.empty")}
          description={guests.data.items.length ? t("common.tryOtherSearch") : t("pressEvents.guests.emptyHint")}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("pressEvents.guests.name")}</Table.Th>
                <Table.Th>{t("pressEvents.guests.outlet")}</Table.Th>
                <Table.Th>{t("pressEvents.guests.rsvp")}</Table.Th>
                <Table.Th>{t("pressEvents.guests.checkedIn")}</Table.Th>
                {manage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {g.name}
                    </Text>
                    {g.emailedAt && (
                      <Badge size="xs" variant="dot" mr={4}>
                        {t("pressEvents.guests.emailed")}
                      </Badge>
                    )}
                    {g.walkIn && (
                      <Badge size="xs" variant="outline">
                        {t("pressEvents.guests.walkIn")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{g.outlet ?? "—"}</Table.Td>
                  <Table.Td>
                    {g.rsvp ? (
                      <Badge color={RSVP_COLOR[g.rsvp]} variant="light">
                        {t(`pressEvents.rsvp.${g.rsvp}`)}
                        {g.rsvp === "hadir" && g.rsvpCrew ? ` +${g.rsvpCrew}` : ""}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {g.walkIn ? "—" : t("pressEvents.rsvp.none")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{g.checkedInAt ? formatZoned(g.checkedInAt, zone, { short: true }) : "—"}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {!g.checkedInAt && (event.status === "invited" || event.status === "held") && (
                          <Tooltip label={t("pressEvents.checkIn.mark")}>
                            <ActionIcon variant="subtle" aria-label={t("pressEvents.checkIn.mark")} onClick={() => void markPresent(g.id)}>
                              <IconCheck size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={t("pressEvents.guests.actions")}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {g.rsvpUrl && !g.walkIn && (
                              <CopyButton value={g.rsvpUrl}>
                                {({ copied, copy }) => (
                                  <Menu.Item onClick={copy} closeMenuOnClick={false}>
                                    {copied ? t("pressEvents.guests.copied") : t("pressEvents.guests.copyRsvp")}
                                  </Menu.Item>
                                )}
                              </CopyButton>
                            )}
                            <Menu.Item component="a" href={cardsUrl(event.id, g.id)} download>
                              {t("pressEvents.guests.card")}
                            </Menu.Item>
                            {!g.checkedInAt && (
                              <Menu.Item color="red" onClick={() => void remove(g.id, g.name)}>
                                {t("pressEvents.remove")}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {inviting && <InviteModal eventId={event.id} opened onClose={() => setInviting(false)} />}
    </>
  );
}
