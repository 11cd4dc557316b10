/** Siaran pers: dateline, lead, quotes (who said it, in which role), contact and boilerplate. */
import { Button, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../../common/limits";
import { type ContentForm, RepeaterRow, Section } from "./section-kit";

export function PressReleaseSection({ form }: { form: ContentForm }) {
  const { t } = useTranslation();
  const quotes = form.getValues().fields.quotes;
  return (
    <Section title={t("content.sections.pressRelease")} description={t("content.sections.pressReleaseHint")}>
      <TextInput
        label={t("content.fields.dateline")}
        description={t("content.fields.datelineHint")}
        maxLength={120}
        {...form.getInputProps("fields.dateline")}
      />
      <Textarea label={t("content.fields.lead")} autosize minRows={3} maxLength={2000} {...form.getInputProps("fields.lead")} />
      <Stack gap="xs">
        {quotes.map((_, i) => (
          <RepeaterRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; the index is their identity in the form
            key={i}
            label={t("content.fields.quoteN", { n: i + 1 })}
            index={i}
            count={quotes.length}
            onMove={(from, to) => form.reorderListItem("fields.quotes", { from, to })}
            onRemove={() => form.removeListItem("fields.quotes", i)}
          >
            <Stack gap="xs">
              <Textarea
                label={t("content.fields.quoteText")}
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps(`fields.quotes.${i}.text`)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput label={t("content.fields.quoteSpeaker")} maxLength={200} {...form.getInputProps(`fields.quotes.${i}.speaker`)} />
                <TextInput label={t("content.fields.quoteRole")} maxLength={200} {...form.getInputProps(`fields.quotes.${i}.role`)} />
              </SimpleGrid>
            </Stack>
          </RepeaterRow>
        ))}
        {quotes.length < 20 && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem("fields.quotes", { text: "", speaker: "", role: "" })}
            style={{ alignSelf: "flex-start" }}
          >
            {t("content.fields.addQuote")}
          </Button>
        )}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label={t("content.fields.contactName")} maxLength={200} {...form.getInputProps("fields.contactName")} />
        <TextInput
          label={t("content.fields.contactPhone")}
          type="tel"
          maxLength={LIMITS.phone}
          {...form.getInputProps("fields.contactPhone")}
        />
        <TextInput
          label={t("content.fields.contactEmail")}
          type="email"
          maxLength={LIMITS.email}
          {...form.getInputProps("fields.contactEmail")}
        />
      </SimpleGrid>
      <Textarea
        label={t("content.fields.boilerplate")}
        description={t("content.fields.boilerplateHint")}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps("fields.boilerplate")}
      />
    </Section>
  );
}
