/** Pengumuman (valid until) and klarifikasi hoaks (claim, label, facts, statement, references). */
import { ActionIcon, Autocomplete, Button, Group, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { HOAX_LABELS } from "../../../common/schemas/content";
import { type ContentForm, Section } from "./section-kit";

export function AnnouncementSection({ form }: { form: ContentForm }) {
  const { t } = useTranslation();
  return (
    <Section title={t("content.sections.announcement")}>
      <TextInput label={t("content.fields.validUntil")} type="date" maw={240} {...form.getInputProps("fields.validUntil")} />
    </Section>
  );
}

export function HoaxSection({ form }: { form: ContentForm }) {
  const { t } = useTranslation();
  const references = form.getValues().fields.references;
  return (
    <Section title={t("content.sections.hoax")} description={t("content.sections.hoaxHint")}>
      <Textarea label={t("content.fields.claim")} autosize minRows={3} maxLength={4000} {...form.getInputProps("fields.claim")} />
      <TextInput
        label={t("content.fields.circulatedOn")}
        description={t("content.fields.circulatedOnHint")}
        maxLength={500}
        {...form.getInputProps("fields.circulatedOn")}
      />
      {/* The usual labels are offered, but an organization may use its own wording. */}
      <Autocomplete
        label={t("content.fields.hoaxLabel")}
        description={t("content.fields.hoaxLabelHint")}
        data={[...HOAX_LABELS]}
        maxLength={40}
        maw={320}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps("fields.hoaxLabel")}
      />
      <Textarea label={t("content.fields.facts")} autosize minRows={5} maxLength={20_000} {...form.getInputProps("fields.facts")} />
      <Textarea
        label={t("content.fields.agencyStatement")}
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps("fields.agencyStatement")}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t("content.fields.references")}
        </Text>
        {references.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the index is their form path
          <Group key={`ref-${i}`} gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t("content.fields.referenceN", { n: i + 1 })}
              placeholder="https://"
              type="url"
              maxLength={500}
              {...form.getInputProps(`fields.references.${i}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={6}
              aria-label={t("content.remove", { label: t("content.fields.referenceN", { n: i + 1 }) })}
              onClick={() => form.removeListItem("fields.references", i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {references.length < 20 && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem("fields.references", "")}
            style={{ alignSelf: "flex-start" }}
          >
            {t("content.fields.addReference")}
          </Button>
        )}
      </Stack>
    </Section>
  );
}
