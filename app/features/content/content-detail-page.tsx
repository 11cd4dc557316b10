/**
 * One item: preview, workflow actions (by `can`), approval steps, timeline, comments, version
 * history and channel publications. Times are shown in the organization's own zone.
 */
import { Alert, Anchor, Box, Card, Grid, Group, List, Stack, Tabs, Text, Title } from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowBackUp,
  IconArrowLeft,
  IconBroadcast,
  IconCalendarTime,
  IconEye,
  IconGitCompare,
  IconLock,
  IconMessageCircle,
  IconNews,
  IconWorld,
} from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimeZoneCode } from "../../../common/roles";
import { RecordState } from "../../components/query-state";
import { formatZoned } from "../../lib/format-date";
import { AmplificationPanel } from "../campaigns/amplification-panel";
import { DistributionPanel } from "../distribution/distribution-panel";
import { ContentEmbargoAccess } from "../media-room/content-embargo-access";
import { CommentsPanel } from "./comments-panel";
import { CompletenessChecklist, useMissingLabel } from "./completeness-checklist";
import { type ContentView, useContent, useOrganizationTimeZone } from "./content-api";
import { ContentStatusBadge, ContentTypeBadge, SensitiveBadge } from "./content-badges";
import { ContentPreview } from "./content-preview";
import { ContentTimeline } from "./content-timeline";
import { PublicationsPanel } from "./publications-panel";
import { ReleasePickupsPanel } from "./release-pickups-panel";
import { ReviewSteps } from "./review-steps";
import { VersionHistory } from "./version-history";
import { WorkflowActions } from "./workflow-actions";

const route = getRouteApi("/_authed/content/$contentId");

export function ContentDetailPage() {
  const { t } = useTranslation();
  const { contentId } = route.useParams();
  const item = useContent(contentId);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/content" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          {t("content.backToList")}
        </Group>
      </Anchor>
      <RecordState query={item} notFoundTitle={t("content.notFound")} notFoundBody={t("content.notFoundHint")}>
        {(data) => <ContentDetail item={data} />}
      </RecordState>
    </Stack>
  );
}

/** Publish state in plain words: scheduled for, embargoed until, public at. */
function PublishState({ item, zone }: { item: ContentView; zone: TimeZoneCode }) {
  const { t } = useTranslation();
  const embargoed = item.embargoUntil && new Date(item.embargoUntil) > new Date();
  return (
    <Stack gap="xs">
      {item.status === "scheduled" && item.publishAt && (
        <Alert color="violet" icon={<IconCalendarTime size={18} />} data-testid="scheduled-at">
          {t("content.scheduledFor", { time: formatZoned(item.publishAt, zone) })}
        </Alert>
      )}
      {embargoed && item.embargoUntil && (
        <Alert color="red" variant="filled" icon={<IconLock size={18} />} data-testid="embargo">
          <Text fw={700} size="sm">
            {t("content.embargoUntil", { time: formatZoned(item.embargoUntil, zone) })}
          </Text>
          <Text size="xs">{t("content.embargoHint")}</Text>
        </Alert>
      )}
      {item.status === "published" && item.publicUrl && (
        <Alert color="green" icon={<IconWorld size={18} />} data-testid="public-url">
          <Text size="sm">
            {item.publishedAt && t("content.publishedAt", { time: formatZoned(item.publishedAt, zone) })}{" "}
            {embargoed ? t("content.publicAfterEmbargo") : ""}
          </Text>
          <Anchor href={item.publicUrl} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: "anywhere" }}>
            {item.publicUrl}
          </Anchor>
        </Alert>
      )}
      {item.status === "published" && item.embargoUntil && <ContentEmbargoAccess contentId={item.id} />}
    </Stack>
  );
}

function ContentDetail({ item }: { item: ContentView }) {
  const { t } = useTranslation();
  const zone = useOrganizationTimeZone(item.organization.id);
  const missingLabel = useMissingLabel();
  const [refused, setRefused] = useState<string[]>([]);
  const lastReturn = item.status === "returned" ? item.events.find((e) => e.action === "returned") : undefined;

  return (
    <>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: "1 1 320px" }}>
          <Group gap="xs" wrap="wrap">
            <ContentStatusBadge status={item.status} />
            <ContentTypeBadge type={item.type} />
            {item.sensitive && <SensitiveBadge />}
          </Group>
          <Title order={2} style={{ overflowWrap: "anywhere" }}>
            {item.title || t("content.untitled")}
          </Title>
          <Text size="sm" c="dimmed">
            {[item.organization.name, item.author?.name].filter(Boolean).join(" · ")}
          </Text>
        </Stack>
        <WorkflowActions item={item} zone={zone} onRefused={setRefused} />
      </Group>

      {lastReturn?.note && (
        <Alert color="orange" icon={<IconArrowBackUp size={18} />} title={t("content.returnedNote")} data-testid="return-note">
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {lastReturn.note}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {[lastReturn.actorName, formatZoned(lastReturn.createdAt, zone, { short: true })].filter(Boolean).join(" · ")}
          </Text>
        </Alert>
      )}
      {refused.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t("content.submitRefused")} data-testid="submit-refused">
          <List size="sm">
            {refused.map((key) => (
              <List.Item key={key}>{missingLabel(key.replace(/^fields\./, ""))}</List.Item>
            ))}
          </List>
          {item.can.edit && (
            <Anchor component={Link} to={`/content/${item.id}/edit`} size="sm">
              {t("content.completeNow")}
            </Anchor>
          )}
        </Alert>
      )}
      <PublishState item={item} zone={zone} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md">
            <Tabs defaultValue="preview" keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="preview" leftSection={<IconEye size={16} />}>
                  {t("content.tabs.preview")}
                </Tabs.Tab>
                <Tabs.Tab value="comments" leftSection={<IconMessageCircle size={16} />}>
                  {t("content.tabs.comments")}
                </Tabs.Tab>
                <Tabs.Tab value="versions" leftSection={<IconGitCompare size={16} />}>
                  {t("content.tabs.versions")}
                </Tabs.Tab>
                <Tabs.Tab value="publications" leftSection={<IconBroadcast size={16} />}>
                  {t("content.tabs.publications")}
                  {item.publications.length > 0 && ` (${item.publications.length})`}
                </Tabs.Tab>
                {item.type === "siaran_pers" && item.status === "published" && (
                  <Tabs.Tab value="pickups" leftSection={<IconNews size={16} />}>
                    {t("content.tabs.pickups")}
                  </Tabs.Tab>
                )}
              </Tabs.List>
              <Tabs.Panel value="preview">
                <ContentPreview item={item} />
              </Tabs.Panel>
              <Tabs.Panel value="comments">
                <CommentsPanel contentId={item.id} canComment={item.can.comment === true} zone={zone} />
              </Tabs.Panel>
              <Tabs.Panel value="versions">
                <VersionHistory contentId={item.id} zone={zone} />
              </Tabs.Panel>
              <Tabs.Panel value="publications">
                <PublicationsPanel publications={item.publications} zone={zone} />
              </Tabs.Panel>
              <Tabs.Panel value="pickups">
                <ReleasePickupsPanel contentId={item.id} zone={zone} />
              </Tabs.Panel>
            </Tabs>
          </Card>
          {item.status === "published" && (
            <Box mt="md">
              <AmplificationPanel contentId={item.id} canRequest />
            </Box>
          )}
          {item.status === "published" && (
            <Box mt="md">
              <DistributionPanel contentId={item.id} zone={zone} />
            </Box>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {item.can.edit && <CompletenessChecklist type={item.type} missing={item.missing} />}
            <Card withBorder radius="md" component="section" aria-label={t("content.review.title")}>
              <Title order={4} mb="sm">
                {t("content.review.title")}
              </Title>
              <ReviewSteps steps={item.review} />
            </Card>
            <Card withBorder radius="md" component="section" aria-label={t("content.timeline")}>
              <Title order={4} mb="sm">
                {t("content.timeline")}
              </Title>
              <ContentTimeline events={item.events} zone={zone} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
