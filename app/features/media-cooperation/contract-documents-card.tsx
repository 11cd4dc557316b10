/** Contract documents (perjanjian, SPK, BAST, invoice) as uploaded files. */
import { Anchor, Button, Card, FileInput, Group, Select, Table, Text } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CONTRACT_DOCUMENT_KINDS } from "../../../common/media-cooperation-enums";
import { useConfirm } from "../../components/confirm-provider";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { type ContractView, contractDocumentUrl, useRemoveContractDocument, useUploadContractDocument } from "./media-cooperation-api";

export function ContractDocumentsCard({ contract: c }: { contract: ContractView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const upload = useUploadContractDocument(c.id);
  const remove = useRemoveContractDocument(c.id);
  const [kind, setKind] = useState<string>("perjanjian");
  const [file, setFile] = useState<File | null>(null);

  const send = async () => {
    if (!file) return;
    const form = new FormData();
    form.append("kind", kind);
    form.append("file", file);
    try {
      await upload.mutateAsync(form);
      setFile(null);
      notifySuccess(t("mediaCooperation.documentUploaded"));
    } catch (err) {
      handleApiError(err);
    }
  };

  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        {t("mediaCooperation.documents")}
      </Text>
      {c.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("mediaCooperation.noDocuments")}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {c.documents.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{t(`mediaCooperation.documentKinds.${d.kind}`)}</Table.Td>
                <Table.Td>
                  <Anchor href={contractDocumentUrl(c.id, d.id)} target="_blank" rel="noreferrer">
                    {d.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(d.createdAt)}</Table.Td>
                <Table.Td>
                  {c.can.manage && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={async () => {
                        const ok = await confirm({
                          title: t("mediaCooperation.removeDocument"),
                          message: d.fileName,
                          confirmLabel: t("mediaCooperation.remove"),
                          danger: true,
                        });
                        if (ok) remove.mutate(d.id, { onError: (e) => handleApiError(e) });
                      }}
                    >
                      {t("mediaCooperation.remove")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {c.can.manage && (
        <Group align="flex-end" gap="sm" wrap="wrap" mt="md">
          <Select
            label={t("mediaCooperation.documentKind")}
            data={CONTRACT_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`mediaCooperation.documentKinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(v ?? "perjanjian")}
            w={200}
          />
          <FileInput
            label={t("mediaCooperation.file")}
            accept="application/pdf,image/jpeg,image/png"
            value={file}
            onChange={setFile}
            w={240}
          />
          <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={() => void send()}>
            {t("mediaCooperation.upload")}
          </Button>
        </Group>
      )}
    </Card>
  );
}
