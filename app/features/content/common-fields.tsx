/** Fields every type shares: organization, title, summary, body, cover, campaign, sensitive flag. */
import { Group, Select, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ContentType } from "../../../common/schemas/content";
import { OrganizationSelect } from "../../components/organization-select";
import { AssetPicker, AssetThumb } from "../media/asset-picker";
import { useCampaignOptions } from "./content-api";
import { hasBody } from "./content-form-values";
import { useCreatableOrganizations } from "./creatable-organizations";
import { RichTextEditor } from "./rich-text-editor";
import { type ContentForm, Section } from "./section-kit";

export function CommonFields({ form, type, organizationName }: { form: ContentForm; type: ContentType; organizationName: string | null }) {
  const { t } = useTranslation();
  const creatable = useCreatableOrganizations();
  const values = form.getValues();
  const campaigns = useCampaignOptions(values.organizationId);

  return (
    <Section title={t("content.sections.common")}>
      {organizationName ? (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {t("content.fields.organization")}
          </Text>
          <Text size="sm">{organizationName}</Text>
        </Stack>
      ) : (
        <OrganizationSelect
          label={t("content.fields.organization")}
          include={creatable.include}
          clearable={false}
          {...form.getInputProps("organizationId")}
        />
      )}
      <TextInput
        label={type === "sosial" ? t("content.fields.titleInternal") : t("content.fields.title")}
        maxLength={300}
        {...form.getInputProps("title")}
      />
      {hasBody(type) && (
        <>
          <Textarea
            label={t("content.fields.summary")}
            description={t("content.fields.summaryHint")}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps("summary")}
          />
          <RichTextEditor
            label={t("content.fields.body")}
            value={values.bodyHtml}
            onChange={(html) => form.setFieldValue("bodyHtml", html)}
            error={form.errors.bodyHtml}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("content.fields.cover")}
            </Text>
            <Group gap="sm">
              {values.coverAssetId && <AssetThumb id={values.coverAssetId} />}
              {values.organizationId && (
                <AssetPicker
                  organizationId={values.organizationId}
                  label={t("content.pick.cover")}
                  kind="image"
                  value={values.coverAssetId ? [values.coverAssetId] : []}
                  onChange={(ids) => form.setFieldValue("coverAssetId", ids[0] ?? null)}
                />
              )}
            </Group>
          </Stack>
        </>
      )}
      {/* Campaigns come with a later feature: the picker appears once the list answers. */}
      {campaigns.isSuccess && campaigns.data.length > 0 && (
        <Select
          label={t("content.fields.campaign")}
          placeholder={t("content.fields.noCampaign")}
          clearable
          searchable
          data={campaigns.data}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps("campaignId")}
        />
      )}
      <Switch
        label={t("content.fields.sensitive")}
        description={t("content.sensitiveHint")}
        {...form.getInputProps("sensitive", { type: "checkbox" })}
      />
    </Section>
  );
}
