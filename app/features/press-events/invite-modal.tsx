/** Pick journalists (search by name, filter by outlet or beat) and add them to the guest list. */
import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, LoadingState } from "../../components/query-state";
import { SearchInput } from "../../components/search-input";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useJournalists } from "../media-relations/media-relations-api";
import { OutletSelect } from "../media-relations/outlet-select";
import { useInvite } from "./press-events-api";

export function InviteModal({ eventId, opened, onClose }: { eventId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>();
  const [outletId, setOutletId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const list = useJournalists({ q, outletId: outletId ?? undefined });
  const invite = useInvite(eventId);
  const items = (list.data?.items ?? []).filter((j) => !j.erased);

  const toggle = (id: string, name: string) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });
  const allShown = items.length > 0 && items.every((j) => chosen.has(j.id));
  const toggleAll = () =>
    setChosen((prev) => {
      const next = new Map(prev);
      for (const j of items) allShown ? next.delete(j.id) : next.set(j.id, j.name);
      return next;
    });

  const submit = async () => {
    try {
      const r = await invite.mutateAsync([...chosen.keys()]);
      notifySuccess(t("pressEvents.guests.invited", { added: r.added, skipped: r.skipped }));
      onClose();
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t("pressEvents.guests.invite")} size="lg">
      <Stack gap="sm">
        <Group grow align="flex-end">
          <SearchInput label={t("pressEvents.guests.searchJournalist")} value={q} onSearch={setQ} />
          <OutletSelect label={t("pressEvents.guests.outlet")} value={outletId} onChange={setOutletId} />
        </Group>
        {list.isLoading ? (
          <LoadingState />
        ) : items.length === 0 ? (
          <EmptyState title={t("pressEvents.guests.noJournalists")} />
        ) : (
          <>
            <Checkbox label={t("pressEvents.guests.selectShown", { count: items.length })} checked={allShown} onChange={toggleAll} />
            <ScrollArea.Autosize mah={320}>
              <Stack gap={6}>
                {items.map((j) => (
                  <Checkbox
                    key={j.id}
                    checked={chosen.has(j.id)}
                    onChange={() => toggle(j.id, j.name)}
                    label={
                      <Text size="sm">
                        {j.name}{" "}
                        <Text span c="dimmed" size="sm">
                          {j.memberships.map((m) => m.outletName).join(", ")}
                        </Text>
                      </Text>
                    }
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {(list.data?.total ?? 0) > items.length && (
              <Text size="xs" c="dimmed">
                {t("pressEvents.guests.moreResults", { total: list.data?.total })}
              </Text>
            )}
          </>
        )}
        <Group justify="space-between">
          <Text size="sm">{t("pressEvents.guests.chosen", { count: chosen.size })}</Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button disabled={chosen.size === 0} loading={invite.isPending} onClick={() => void submit()}>
              {t("pressEvents.guests.inviteChosen", { count: chosen.size })}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
