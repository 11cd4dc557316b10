/**
 * One press event: details, status actions (open invitations, mark held, cancel — each confirmed),
 * the guest list with RSVP counts and QR cards, the door's check-in screen and the coverage.
 */
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconEdit, IconQrcode } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatZoned } from "../../lib/format-date";
import { CoveragePanel } from "./coverage-panel";
import { InvitationsPanel } from "./invitations-panel";
import { PressEventFormModal } from "./press-event-form-modal";
import { type PressEventView, useChangeStatus, usePressEvent } from "./press-events-api";
import { STATUS_COLOR } from "./press-events-page";

const route = getRouteApi("/_authed/press-events/$eventId");

export function PressEventPage() {
  const { t } = useTranslation();
  const { eventId } = route.useParams();
  const event = usePressEvent(eventId);
  return (
    <RecordState query={event} notFoundTitle={t("pressEvents.notFound")} notFoundBody={t("pressEvents.notFoundBody")}>
      {(data) => <EventView event={data} key={data.id} t={t} />}
    </RecordState>
  );
}

function EventView({ event: e, t }: { event: PressEventView; t: ReturnType<typeof useTranslation>["t"] }) {
  const confirm = useConfirm();
  const change = useChangeStatus(e.id);
  const [editing, setEditing] = useState(false);
  const zone = e.timeZone as TimeZoneCode;
  const manage = e.can.manage === true;

  const move = async (status: "invited" | "held" | "cancelled") => {
    const ok = await confirm({
      title: t(`pressEvents.confirm.${status}.title`),
      message: t(`pressEvents.confirm.${status}.message`, { checkedIn: e.counts.checkedIn }),
      confirmLabel: t(`pressEvents.confirm.${status}.action`),
      danger: status === "cancelled",
    });
    if (!ok) return;
    try {
      await change.mutateAsync(status);
      notifySuccess(t(`pressEvents.statusChanged.${status}`));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <Anchor component={Link} to="/press-events" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t("pressEvents.back")}
        </Group>
      </Anchor>
      <PageHeader
        title={e.title}
        description={`${t(`pressEvents.kinds.${e.kind}`)} · ${e.organizationName}`}
        actions={
          manage && (
            <Group gap="xs">
              {(e.status === "invited" || e.status === "held") && (
                <Button variant="default" leftSection={<IconQrcode size={16} />} component={Link} to={`/press-events/${e.id}/check-in`}>
                  {t("pressEvents.checkIn.open")}
                </Button>
              )}
              {(e.status === "draft" || e.status === "invited") && (
                <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                  {t("pressEvents.edit")}
                </Button>
              )}
              {e.status === "draft" && <Button onClick={() => void move("invited")}>{t("pressEvents.confirm.invited.action")}</Button>}
              {e.status === "invited" && <Button onClick={() => void move("held")}>{t("pressEvents.confirm.held.action")}</Button>}
              {(e.status === "draft" || e.status === "invited") && (
                <Button color="red" variant="light" onClick={() => void move("cancelled")}>
                  {t("pressEvents.confirm.cancelled.action")}
                </Button>
              )}
            </Group>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Card withBorder>
          <Stack gap={6}>
            <Group gap="xs">
              <Badge color={STATUS_COLOR[e.status]}>{t(`pressEvents.statuses.${e.status}`)}</Badge>
              {e.heldAt && (
                <Text size="xs" c="dimmed">
                  {t("pressEvents.heldAt", { at: formatZoned(e.heldAt, zone, { short: true }) })}
                </Text>
              )}
            </Group>
            <Text size="sm">
              <b>{t("pressEvents.when")}:</b> {formatZoned(e.startsAt, zone)} – {formatZoned(e.endsAt, zone, { short: true })}
            </Text>
            <Text size="sm">
              <b>{t("pressEvents.placeAddress")}:</b> {e.placeAddress}{" "}
              {e.placeMapUrl && (
                <Anchor href={e.placeMapUrl} target="_blank" rel="noopener noreferrer">
                  {t("pressEvents.map")}
                </Anchor>
              )}
            </Text>
            {e.description && (
              <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                {e.description}
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap={6}>
            <Title order={5}>{t("pressEvents.speakers")}</Title>
            {e.speakers.length ? (
              <List size="sm">
                {e.speakers.map((s) => (
                  <List.Item key={`${s.name}-${s.position}`}>
                    {s.name} — {s.position}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
            <Title order={5}>{t("pressEvents.contentItems")}</Title>
            {e.contentItems.length ? (
              <List size="sm">
                {e.contentItems.map((c) => (
                  <List.Item key={c.id}>
                    <Anchor component={Link} to={`/content/${c.id}`}>
                      {c.title}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
            <Title order={5}>{t("pressEvents.organizers")}</Title>
            <Text size="sm">{e.organizers.map((o) => o.name).join(", ") || "—"}</Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <Tabs defaultValue="guests">
        <Tabs.List>
          <Tabs.Tab value="guests">{t("pressEvents.guests.tab", { count: e.counts.invited + e.counts.walkIns })}</Tabs.Tab>
          <Tabs.Tab value="coverage">{t("pressEvents.coverage.tab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="guests" pt="md">
          <InvitationsPanel event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="coverage" pt="md">
          <CoveragePanel event={e} />
        </Tabs.Panel>
      </Tabs>
      {editing && <PressEventFormModal opened onClose={() => setEditing(false)} event={e} />}
    </>
  );
}
