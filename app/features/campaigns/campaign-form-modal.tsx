/**
 * Create or edit a campaign: name, description, period, key messages and hashtags (tag inputs),
 * the shared asset pack (media asset ids: the media library has no picker to embed yet) and the
 * assigned agencies. The server normalises hashtags and checks every id's scope.
 */
import "@mantine/dates/styles.css";
import { Button, Group, Modal, MultiSelect, Select, Stack, TagsInput, Textarea, TextInput } from "@mantine/core";
import { DatePickerInput, DatesProvider } from "@mantine/dates";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { CAMPAIGN_LIMITS, normalizeHashtag } from "../../../common/schemas/campaigns";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { type CampaignView, useCreateCampaign, useUpdateCampaign } from "./campaigns-api";
import { useManagedOrganizations } from "./managed-organizations";

interface Values {
  organizationId: string | null;
  name: string;
  description: string;
  period: [string | null, string | null];
  keyMessages: string[];
  hashtags: string[];
  assetIds: string[];
  organizationIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function initial(campaign?: CampaignView): Values {
  return {
    organizationId: campaign?.organization.id ?? null,
    name: campaign?.name ?? "",
    description: campaign?.description ?? "",
    period: [campaign?.startsOn ?? null, campaign?.endsOn ?? null],
    keyMessages: campaign?.keyMessages ?? [],
    hashtags: campaign?.hashtags ?? [],
    assetIds: campaign?.assets.map((a) => a.id) ?? [],
    organizationIds: campaign?.assignments.map((a) => a.id) ?? [],
  };
}

/** Server field paths ("hashtags.2", "startsOn") onto the inputs that show them. */
function formErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const head = key.split(".")[0];
    const target = head === "startsOn" || head === "endsOn" ? "period" : head;
    out[target] ??= message;
  }
  return out;
}

export function CampaignFormModal({ opened, onClose, campaign }: { opened: boolean; onClose: () => void; campaign?: CampaignView }) {
  const { t, i18n } = useTranslation();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const orgs = useManagedOrganizations();
  const form = useForm<Values>({
    initialValues: initial(campaign),
    validate: {
      organizationId: (v) => (v ? null : t("validation.required")),
      name: (v) => (v.trim().length >= 3 ? null : t("validation.tooShort", { min: 3 })),
      period: ([from, to]) => (from && to ? null : t("validation.required")),
      assetIds: (ids) => (ids.every((id) => UUID.test(id)) ? null : t("campaigns.form.assetIdInvalid")),
    },
  });
  const options = orgs.items.map((o) => ({ value: o.id, label: o.name }));

  const submit = form.onSubmit((v) => {
    const body = {
      name: v.name,
      description: v.description,
      startsOn: v.period[0] as string,
      endsOn: v.period[1] as string,
      keyMessages: v.keyMessages,
      hashtags: v.hashtags,
      assetIds: v.assetIds,
    };
    const done = () => {
      notifySuccess(t("campaigns.form.saved"));
      onClose();
    };
    const fail = (error: unknown) =>
      handleApiError(error, { setErrors: (fields: Record<string, string>) => form.setErrors(formErrors(fields)) });
    if (campaign) {
      update.mutate({ id: campaign.id, body, organizationIds: v.organizationIds }, { onSuccess: done, onError: fail });
    } else {
      create.mutate(
        { ...body, organizationId: v.organizationId as string, organizationIds: v.organizationIds },
        { onSuccess: done, onError: fail },
      );
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? t("campaigns.form.editTitle") : t("campaigns.form.createTitle")} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Select
            label={t("campaigns.form.organization")}
            description={t("campaigns.form.organizationHint")}
            data={options}
            searchable
            required
            disabled={!!campaign || orgs.isLoading}
            {...form.getInputProps("organizationId")}
          />
          <TextInput label={t("campaigns.form.name")} required maxLength={CAMPAIGN_LIMITS.name} {...form.getInputProps("name")} />
          <Textarea
            label={t("campaigns.form.description")}
            autosize
            minRows={2}
            maxLength={CAMPAIGN_LIMITS.description}
            {...form.getInputProps("description")}
          />
          {/* Month and day names in the UI language (dayjs loads "id"); weeks start on Monday. */}
          <DatesProvider settings={{ locale: i18n.language === "en" ? "en" : "id", firstDayOfWeek: 1 }}>
            <DatePickerInput
              type="range"
              label={t("campaigns.form.period")}
              required
              allowSingleDateInRange
              valueFormat="D MMMM YYYY"
              {...form.getInputProps("period")}
            />
          </DatesProvider>
          <TagsInput
            label={t("campaigns.form.keyMessages")}
            description={t("campaigns.form.keyMessagesHint")}
            maxTags={CAMPAIGN_LIMITS.keyMessages}
            splitChars={[]}
            clearable
            {...form.getInputProps("keyMessages")}
          />
          <TagsInput
            label={t("campaigns.form.hashtags")}
            description={t("campaigns.form.hashtagsHint")}
            maxTags={CAMPAIGN_LIMITS.hashtags}
            clearable
            {...form.getInputProps("hashtags")}
            onChange={(tags) => form.setFieldValue("hashtags", [...new Set(tags.map(normalizeHashtag).filter((h) => h !== "#"))])}
          />
          <TagsInput
            label={t("campaigns.form.assets")}
            description={t("campaigns.form.assetsHint")}
            maxTags={CAMPAIGN_LIMITS.assets}
            clearable
            {...form.getInputProps("assetIds")}
          />
          <MultiSelect
            label={t("campaigns.form.assignments")}
            description={t("campaigns.form.assignmentsHint")}
            data={options}
            searchable
            clearable
            hidePickedOptions
            {...form.getInputProps("organizationIds")}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
