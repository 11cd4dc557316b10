/**
 * Payment terms. Marking a term paid re-runs the eligibility check on the server; a 409 shows
 * the failed rules, and a user allowed to override may continue with a written reason.
 */
import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OVERRIDE_REASON_MIN } from "../../../common/media-cooperation-enums";
import { isApiError } from "../../api/client";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { type ContractView, rupiah, usePayTerm, useSubmitTerm } from "./media-cooperation-api";

type Term = ContractView["terms"][number];
const STATUS_COLOR = { belum: "gray", diajukan: "blue", dibayar: "teal" } as const;

export function TermsCard({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const submit = useSubmitTerm(c.id);
  const [paying, setPaying] = useState<Term | null>(null);
  const open = c.can.manage && c.status === "aktif";
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        {t("mediaCooperation.terms")}
      </Text>
      {c.terms.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("mediaCooperation.noTerms")}
        </Text>
      ) : (
        <Stack gap={0}>
          {c.terms.map((term) => (
            <Group
              key={term.id}
              justify="space-between"
              align="flex-start"
              wrap="wrap"
              py="xs"
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
            >
              <Stack gap={2}>
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {t("mediaCooperation.termN", { n: term.position })} · {rupiah(term.amountRupiah)}
                  </Text>
                  <Badge color={STATUS_COLOR[term.status]} variant="light">
                    {t(`mediaCooperation.termStatuses.${term.status}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {t("mediaCooperation.dueOnValue", { date: formatDate(term.dueOn) })}
                  {term.paidOn ? ` · ${t("mediaCooperation.paidOnValue", { date: formatDate(term.paidOn) })}` : ""}
                </Text>
                {term.override && (
                  <Text size="xs" c="orange">
                    {t("mediaCooperation.termOverride", { reason: term.override.reason })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                {open && term.status === "belum" && (
                  <Button
                    size="xs"
                    variant="subtle"
                    loading={submit.isPending && submit.variables === term.id}
                    onClick={() =>
                      submit.mutate(term.id, {
                        onSuccess: () => notifySuccess(t("mediaCooperation.termSubmitted")),
                        onError: (e) => handleApiError(e),
                      })
                    }
                  >
                    {t("mediaCooperation.submitTerm")}
                  </Button>
                )}
                {open && term.status !== "dibayar" && (
                  <Button size="xs" variant="light" onClick={() => setPaying(term)}>
                    {t("mediaCooperation.markPaid")}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {paying && <PayModal contract={c} term={paying} onClose={() => setPaying(null)} />}
    </Card>
  );
}

function PayModal({ contract: c, term, onClose }: { contract: ContractView; term: Term; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = usePayTerm(c.id);
  const [paidOn, setPaidOn] = useState(dayjs().format("YYYY-MM-DD"));
  const [reason, setReason] = useState("");
  const [failed, setFailed] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const send = async () => {
    setErrors({});
    try {
      await pay.mutateAsync({ termId: term.id, paidOn, overrideReason: failed && reason.trim() ? reason.trim() : undefined });
      notifySuccess(t("mediaCooperation.termPaid"));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === "media_contract_ineligible") {
        setFailed(Object.values(err.fields));
        return;
      }
      if (isApiError(err)) setErrors(err.fields);
      handleApiError(err);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("mediaCooperation.payTitle", { n: term.position, amount: rupiah(term.amountRupiah) })}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t("mediaCooperation.payHint")}
        </Text>
        <TextInput
          type="date"
          label={t("mediaCooperation.paidOn")}
          required
          value={paidOn}
          error={errors.paidOn}
          onChange={(e) => setPaidOn(e.currentTarget.value)}
        />
        {failed && (
          <Alert color="red" title={t("mediaCooperation.eligibleFailed")}>
            <List size="sm">
              {failed.map((f) => (
                <List.Item key={f}>{f}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {failed && c.can.override && (
          <Textarea
            label={t("mediaCooperation.overrideReason")}
            description={t("mediaCooperation.overrideReasonHint", { min: OVERRIDE_REASON_MIN })}
            autosize
            minRows={3}
            value={reason}
            error={errors.overrideReason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
        {failed && !c.can.override && (
          <Text size="sm" c="red">
            {t("mediaCooperation.cannotOverride")}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            onClick={() => void send()}
            loading={pay.isPending}
            disabled={!!failed && (!c.can.override || reason.trim().length < OVERRIDE_REASON_MIN)}
          >
            {failed ? t("mediaCooperation.payWithOverride") : t("mediaCooperation.markPaid")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
