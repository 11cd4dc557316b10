/**
 * Pages of the editor: /content/new?type=… and /content/$contentId/edit. Loaded lazily with
 * their routes, so Tiptap is not part of the initial bundle.
 */
import { Alert, Anchor, Group, Stack, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LoadingState, RecordState } from "../../components/query-state";
import { useContent } from "./content-api";
import { ContentEditor } from "./content-editor";
import { useCreatableOrganizations } from "./creatable-organizations";
import { TypeChooser } from "./type-chooser";

const newRoute = getRouteApi("/_authed/content/new");
const editRoute = getRouteApi("/_authed/content/$contentId/edit");

export function NewContentPage() {
  const { t } = useTranslation();
  const { type } = newRoute.useSearch();
  const creatable = useCreatableOrganizations();
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/content" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t("content.backToList")}
        </Group>
      </Anchor>
      <Title order={2}>{type ? t("content.newTitle", { type: t(`content.types.${type}`) }) : t("content.chooseType")}</Title>
      {!type ? (
        <TypeChooser />
      ) : creatable.isLoading ? (
        <LoadingState />
      ) : (
        <ContentEditor key={type} type={type} existing={null} defaultOrganizationId={creatable.defaultId} onReload={() => {}} />
      )}
    </Stack>
  );
}

export function EditContentPage() {
  const { t } = useTranslation();
  const { contentId } = editRoute.useParams();
  const item = useContent(contentId);
  // Bumped on "reload after a conflict" so the form starts over from the fresh version.
  const [generation, setGeneration] = useState(0);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={`/content/${contentId}`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t("content.backToItem")}
        </Group>
      </Anchor>
      <RecordState query={item} notFoundTitle={t("content.notFound")} notFoundBody={t("content.notFoundHint")}>
        {(data) => (
          <>
            <Title order={2}>{t("content.editTitle", { type: t(`content.types.${data.type}`) })}</Title>
            {data.can.edit ? (
              <ContentEditor
                key={`${data.id}:${generation}`}
                type={data.type}
                existing={data}
                defaultOrganizationId={data.organization.id}
                onReload={() => void item.refetch().then(() => setGeneration((g) => g + 1))}
              />
            ) : (
              <Alert color="yellow">{t("content.notEditable")}</Alert>
            )}
          </>
        )}
      </RecordState>
    </Stack>
  );
}
