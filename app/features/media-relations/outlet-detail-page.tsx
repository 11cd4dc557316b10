/** One outlet: profile, Dewan Pers certificate, grade, company documents and reach figures. */
import { Anchor, Button, Card, FileInput, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconArrowLeft, IconPencil, IconUpload } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OUTLET_DOCUMENT_KINDS } from "../../../common/schemas/media-relations";
import { API_BASE } from "../../api/client";
import { useConfirm } from "../../components/confirm-provider";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type OutletView, useOutlet, useRemoveDocument, useUploadDocument } from "./media-relations-api";
import { OutletBadges } from "./outlet-badges";
import { OutletFormModal } from "./outlet-form-modal";

const route = getRouteApi("/_authed/media-outlets/$outletId");

export function OutletDetailPage() {
  const { outletId } = route.useParams();
  const { t } = useTranslation();
  const query = useOutlet(outletId);
  return (
    <RecordState query={query} notFoundTitle={t("mediaRelations.notFound")} notFoundBody={t("mediaRelations.notFoundBody")}>
      {(outlet) => <OutletDetail outlet={outlet} />}
    </RecordState>
  );
}

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || "—"}</Text>
    </div>
  );
}

function OutletDetail({ outlet: o }: { outlet: OutletView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={o.name}
        description={o.organizationName}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/media-outlets" leftSection={<IconArrowLeft size={16} />}>
              {t("mediaRelations.outletsTitle")}
            </Button>
            {o.can.manage && !o.mergedIntoId && (
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t("mediaRelations.edit")}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="md">
        <OutletBadges outlet={o} />
        {o.mergedIntoId && (
          <Anchor component={Link} to={`/media-outlets/${o.mergedIntoId}`}>
            {t("mediaRelations.mergedInto")}
          </Anchor>
        )}
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t("mediaRelations.company")} value={o.company} />
            <Field label={t("mediaRelations.type")} value={t(`mediaRelations.types.${o.type}`)} />
            <Field label={t("mediaRelations.region")} value={o.regionName} />
            <Field label={t("mediaRelations.address")} value={o.address} />
            <Field label={t("mediaRelations.website")} value={o.website} />
            <Field
              label={t("mediaRelations.socialAccounts")}
              value={o.socialAccounts.map((s) => `${s.platform}: ${s.handle}`).join(", ")}
            />
            <Field label={t("mediaRelations.certificateNumber")} value={o.certificateNumber} />
            <Field label={t("mediaRelations.certificateDate")} value={o.certificateDate} />
            <Field label={t("mediaRelations.certificateExpiresOn")} value={o.certificateExpiresOn} />
          </SimpleGrid>
        </Card>
        <Title order={3}>{t("mediaRelations.reach")}</Title>
        {o.reach.length === 0 ? (
          <Text c="dimmed">{t("mediaRelations.noReach")}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("mediaRelations.metric")}</Table.Th>
                <Table.Th>{t("mediaRelations.value")}</Table.Th>
                <Table.Th>{t("mediaRelations.source")}</Table.Th>
                <Table.Th>{t("mediaRelations.asOf")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.reach.map((r) => (
                <Table.Tr key={`${r.metric}-${r.source}-${r.asOf}-${r.value}`}>
                  <Table.Td>{r.metric}</Table.Td>
                  <Table.Td>{r.value.toLocaleString("id-ID")}</Table.Td>
                  <Table.Td>{r.source}</Table.Td>
                  <Table.Td>{r.asOf}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Documents outlet={o} />
      </Stack>
      {editing && <OutletFormModal opened outlet={o} onClose={() => setEditing(false)} />}
    </>
  );
}

function Documents({ outlet: o }: { outlet: OutletView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const upload = useUploadDocument(o.id);
  const remove = useRemoveDocument(o.id);
  const [kind, setKind] = useState<string>("akta");
  const [file, setFile] = useState<File | null>(null);
  const [validFrom, setValidFrom] = useState("");
  const [validUntil, setValidUntil] = useState("");

  const send = async () => {
    if (!file) return;
    // Text fields go before the file: the server reads them from the parts preceding it.
    const form = new FormData();
    form.append("kind", kind);
    if (validFrom) form.append("validFrom", validFrom);
    if (validUntil) form.append("validUntil", validUntil);
    form.append("file", file);
    try {
      await upload.mutateAsync(form);
      setFile(null);
      notifySuccess(t("mediaRelations.documentUploaded"));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <>
      <Title order={3}>{t("mediaRelations.documents")}</Title>
      {o.documents.length === 0 ? (
        <Text c="dimmed">{t("mediaRelations.noDocuments")}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {o.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{t(`mediaRelations.documentKinds.${d.kind}`)}</Table.Td>
                <Table.Td>
                  <Anchor href={`${API_BASE}/media-outlets/${o.id}/documents/${d.id}/file`} target="_blank" rel="noreferrer">
                    {d.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {d.validFrom ?? "—"} – {d.validUntil ?? "—"}
                </Table.Td>
                <Table.Td>
                  {o.can.manage && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={async () => {
                        const ok = await confirm({
                          title: t("mediaRelations.removeDocument"),
                          message: d.fileName,
                          confirmLabel: t("mediaRelations.remove"),
                          danger: true,
                        });
                        if (ok) remove.mutate(d.id, { onError: (e) => handleApiError(e) });
                      }}
                    >
                      {t("mediaRelations.remove")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {o.can.manage && !o.mergedIntoId && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("mediaRelations.documentKind")}
            data={OUTLET_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`mediaRelations.documentKinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(v ?? "akta")}
            w={220}
          />
          <FileInput
            label={t("mediaRelations.file")}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            w={240}
          />
          <TextInput
            type="date"
            label={t("mediaRelations.validFrom")}
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("mediaRelations.validUntil")}
            value={validUntil}
            onChange={(e) => setValidUntil(e.currentTarget.value)}
          />
          <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={() => void send()}>
            {t("mediaRelations.upload")}
          </Button>
        </Group>
      )}
    </>
  );
}
