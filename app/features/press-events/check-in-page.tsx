/**
 * The door. A USB QR scanner types the card's check-in URL into the focused field and presses
 * Enter; a phone camera opens the same URL, which lands here with `?kode=` and checks in at once.
 * Fallbacks: search the guest by name and mark present, or add a walk-in.
 */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconCheck, IconQrcode, IconSearch } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { RsvpCountBadges } from "./invitations-panel";
import { useCheckInByCode, useCheckInById, useInvitations, usePressEvent, useWalkIn } from "./press-events-api";

const route = getRouteApi("/_authed/press-events/$eventId/check-in");
export type CheckInSearch = { kode?: string };

type Outcome = { kind: "ok" | "already" | "error"; text: string } | null;

export function CheckInPage() {
  const { t } = useTranslation();
  const { eventId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const event = usePressEvent(eventId);
  const guests = useInvitations(eventId);
  const byCode = useCheckInByCode(eventId);
  const byId = useCheckInById(eventId);
  const walkIn = useWalkIn(eventId);
  const [scan, setScan] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [q, setQ] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const walkInForm = useForm({ initialValues: { name: "", outlet: "" } });

  const submitCode = async (code: string) => {
    if (!code.trim()) return;
    try {
      const r = await byCode.mutateAsync(code.trim());
      setOutcome({
        kind: r.alreadyCheckedIn ? "already" : "ok",
        text: r.alreadyCheckedIn
          ? t("pressEvents.checkIn.already", { name: r.invitation.name })
          : t("pressEvents.checkIn.welcome", { name: r.invitation.name, outlet: r.invitation.outlet ?? "" }),
      });
    } catch (err) {
      setOutcome({ kind: "error", text: isApiError(err) ? err.message : t("errors.network") });
    }
    setScan("");
    input.current?.focus();
  };

  // Opened from a phone camera scan: check the code in once, then drop it from the address.
  const fromUrl = useRef(false);
  useEffect(() => {
    if (!search.kode || fromUrl.current) return;
    fromUrl.current = true;
    void submitCode(search.kode).then(() => navigate({ search: {}, replace: true }));
  });

  const needle = q.trim().toLowerCase();
  const matches =
    needle.length >= 2
      ? (guests.data?.items ?? [])
          .filter((g) => g.name.toLowerCase().includes(needle) || (g.outlet ?? "").toLowerCase().includes(needle))
          .slice(0, 20)
      : [];

  const addWalkIn = walkInForm.onSubmit(async (v) => {
    try {
      const g = await walkIn.mutateAsync({ name: v.name, outlet: v.outlet.trim() || null });
      notifySuccess(t("pressEvents.checkIn.welcome", { name: g.name, outlet: g.outlet ?? "" }));
      walkInForm.reset();
    } catch (err) {
      handleApiError(err, walkInForm);
    }
  });

  // The guest list loads alongside; the door screen waits for both so the counts never flash empty.
  const record = {
    isLoading: event.isLoading || guests.isLoading,
    isError: event.isError,
    error: event.error,
    data: event.data,
    refetch: event.refetch,
  };

  return (
    <RecordState query={record} notFoundTitle={t("pressEvents.notFound")} notFoundBody={t("pressEvents.notFoundBody")}>
      {(data) => (
        <Stack>
          <Group justify="space-between">
            <Button variant="subtle" leftSection={<IconArrowLeft size={14} />} component={Link} to={`/press-events/${eventId}`}>
              {data.title}
            </Button>
          </Group>
          <Title order={2}>{t("pressEvents.checkIn.title")}</Title>
          {guests.data && <RsvpCountBadges counts={guests.data.counts} />}
          <Card withBorder>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submitCode(scan);
              }}
            >
              <Group align="flex-end">
                <TextInput
                  ref={input}
                  autoFocus
                  size="lg"
                  style={{ flex: 1 }}
                  leftSection={<IconQrcode size={20} />}
                  label={t("pressEvents.checkIn.scanLabel")}
                  description={t("pressEvents.checkIn.scanHint")}
                  value={scan}
                  onChange={(e) => setScan(e.currentTarget.value)}
                  autoComplete="off"
                />
                <Button size="lg" type="submit" loading={byCode.isPending}>
                  {t("pressEvents.checkIn.submit")}
                </Button>
              </Group>
            </form>
            {outcome && (
              <Alert
                mt="md"
                color={outcome.kind === "ok" ? "green" : outcome.kind === "already" ? "yellow" : "red"}
                role="status"
                icon={outcome.kind === "ok" ? <IconCheck /> : undefined}
              >
                <Text size="lg" fw={600}>
                  {outcome.text}
                </Text>
              </Alert>
            )}
          </Card>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("pressEvents.checkIn.manualTitle")}
              </Title>
              <TextInput
                leftSection={<IconSearch size={16} />}
                label={t("pressEvents.guests.search")}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
              />
              {needle.length >= 2 && matches.length === 0 && (
                <Text size="sm" c="dimmed" mt="xs">
                  {t("pressEvents.checkIn.noGuest")}
                </Text>
              )}
              {matches.length > 0 && (
                <Table mt="xs">
                  <Table.Tbody>
                    {matches.map((g) => (
                      <Table.Tr key={g.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {g.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {g.outlet ?? ""}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right">
                          {g.checkedInAt ? (
                            <Text size="sm" c="green">
                              {t("pressEvents.guests.checkedIn")}
                            </Text>
                          ) : (
                            <Button
                              size="xs"
                              loading={byId.isPending && byId.variables === g.id}
                              onClick={() =>
                                void byId
                                  .mutateAsync(g.id)
                                  .then((r) =>
                                    notifySuccess(
                                      t("pressEvents.checkIn.welcome", { name: r.invitation.name, outlet: r.invitation.outlet ?? "" }),
                                    ),
                                  )
                                  .catch((err) => handleApiError(err))
                              }
                            >
                              {t("pressEvents.checkIn.mark")}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("pressEvents.checkIn.walkInTitle")}
              </Title>
              <form onSubmit={addWalkIn} noValidate>
                <Stack gap="xs">
                  <TextInput label={t("pressEvents.guests.name")} required {...walkInForm.getInputProps("name")} />
                  <TextInput label={t("pressEvents.guests.outlet")} {...walkInForm.getInputProps("outlet")} />
                  <Group justify="flex-end">
                    <Button type="submit" loading={walkIn.isPending}>
                      {t("pressEvents.checkIn.addWalkIn")}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Card>
          </SimpleGrid>
        </Stack>
      )}
    </RecordState>
  );
}
