/** The asset's description and usage rights; read-only for roles that may not edit. */
import { Button, Group, NumberInput, SegmentedControl, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { MEDIA_LIMITS, MEDIA_RIGHTS, type MediaAssetView, type MediaRights } from "../../../common/schemas/media";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { useUpdateMedia } from "./media-api";

interface Values {
  caption: string;
  credit: string;
  takenAt: string;
  location: string;
  altText: string;
  tags: string[];
  rights: MediaRights;
  rightsNote: string;
  durationSeconds: number | string;
}

const toValues = (a: MediaAssetView): Values => ({
  caption: a.caption,
  credit: a.credit,
  // datetime-local shows the browser's local time.
  takenAt: a.takenAt ? dayjs(a.takenAt).format("YYYY-MM-DDTHH:mm") : "",
  location: a.location,
  altText: a.altText,
  tags: a.tags,
  rights: a.rights,
  rightsNote: a.rightsNote,
  durationSeconds: a.durationSeconds ?? "",
});

export function MediaEditForm({ asset }: { asset: MediaAssetView }) {
  const { t } = useTranslation();
  const update = useUpdateMedia();
  const form = useForm<Values>({ initialValues: toValues(asset) });
  const readOnly = !asset.can.edit;
  const timed = asset.kind === "video" || asset.kind === "audio";

  const submit = form.onSubmit((v) => {
    const body = {
      caption: v.caption,
      credit: v.credit,
      takenAt: v.takenAt ? dayjs(v.takenAt).toISOString() : null,
      location: v.location,
      altText: v.altText,
      tags: v.tags,
      rights: v.rights,
      rightsNote: v.rightsNote,
      ...(timed ? { durationSeconds: v.durationSeconds === "" ? null : Number(v.durationSeconds) } : {}),
    };
    update.mutate(
      { id: asset.id, body },
      {
        onSuccess: (fresh) => {
          form.setInitialValues(toValues(fresh));
          form.setValues(toValues(fresh));
          notifySuccess(t("media.saved"));
        },
        onError: (error) => handleApiError(error, form),
      },
    );
  });

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Textarea
          label={t("media.fields.caption")}
          autosize
          minRows={2}
          maxLength={MEDIA_LIMITS.caption}
          readOnly={readOnly}
          {...form.getInputProps("caption")}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("media.fields.credit")}
            maxLength={MEDIA_LIMITS.credit}
            readOnly={readOnly}
            {...form.getInputProps("credit")}
          />
          <TextInput label={t("media.fields.takenAt")} type="datetime-local" readOnly={readOnly} {...form.getInputProps("takenAt")} />
        </Group>
        <TextInput
          label={t("media.fields.location")}
          maxLength={MEDIA_LIMITS.location}
          readOnly={readOnly}
          {...form.getInputProps("location")}
        />
        {asset.kind === "image" && (
          <Textarea
            label={t("media.fields.altText")}
            description={t("media.fields.altTextHint")}
            autosize
            minRows={2}
            maxLength={MEDIA_LIMITS.altText}
            readOnly={readOnly}
            {...form.getInputProps("altText")}
          />
        )}
        {timed && (
          <NumberInput
            label={t("media.fields.durationSeconds")}
            description={t("media.fields.durationHint")}
            min={1}
            max={86_400}
            allowDecimal={false}
            readOnly={readOnly}
            {...form.getInputProps("durationSeconds")}
          />
        )}
        <TagsInput
          label={t("media.fields.tags")}
          description={t("media.fields.tagsHint")}
          maxTags={MEDIA_LIMITS.tags}
          readOnly={readOnly}
          {...form.getInputProps("tags")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`rights-${asset.id}`}>
            {t("media.fields.rights")}
          </Text>
          <SegmentedControl
            aria-labelledby={`rights-${asset.id}`}
            disabled={readOnly}
            data={MEDIA_RIGHTS.map((r) => ({ value: r, label: t(`media.rights.${r}`) }))}
            {...form.getInputProps("rights")}
          />
          <Text size="xs" c="dimmed">
            {t(`media.rightsHint.${form.getValues().rights}`)}
          </Text>
        </Stack>
        <Textarea
          label={t("media.fields.rightsNote")}
          autosize
          minRows={1}
          maxLength={MEDIA_LIMITS.rightsNote}
          readOnly={readOnly}
          {...form.getInputProps("rightsNote")}
        />
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
