/** One issue: status flow, severity/assignee/organization, SLA and escalation, timeline, notes, response content. */
import { Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Text, Textarea, Timeline, Title } from "@mantine/core";
import { IconArrowUpRight, IconLink, IconNote } from "@tabler/icons-react";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ISSUE_SEVERITIES, type IssueStatus } from "../../../common/monitoring-alert-enums";
import { useConfirm } from "../../components/confirm-provider";
import { OrganizationSelect } from "../../components/organization-select";
import { PageHeader } from "../../components/page-header";
import { RecordState } from "../../components/query-state";
import { handleApiError, notifySuccess } from "../../lib/form-errors";
import { formatDateTime } from "../../lib/format";
import {
  type IssueDetailView,
  useAddNote,
  useIssue,
  useIssueOptions,
  useLinkContent,
  useUnlinkContent,
  useUpdateIssue,
} from "./issues-api";
import { SeverityBadge, SlaBadge } from "./sla-badge";

const route = getRouteApi("/_authed/monitoring/issues/$issueId");

/** The moves the server allows from each status (it checks again). */
const NEXT: Record<IssueStatus, IssueStatus[]> = {
  baru: ["ditangani", "dipantau", "selesai"],
  ditangani: ["klarifikasi_disiapkan", "dipantau", "selesai"],
  klarifikasi_disiapkan: ["ditangani", "dipantau", "selesai"],
  dipantau: ["ditangani", "selesai"],
  selesai: ["ditangani"],
};

export function IssuePage() {
  const { issueId } = route.useParams();
  const { t } = useTranslation();
  const issue = useIssue(issueId);
  return (
    <RecordState query={issue} notFoundTitle={t("issues.notFound")} notFoundBody={t("issues.notFoundBody")}>
      {(data) => <IssueView issue={data} />}
    </RecordState>
  );
}

function IssueView({ issue }: { issue: IssueDetailView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const update = useUpdateIssue(issue.id);
  const change = (patch: Record<string, unknown>, message?: string) =>
    update.mutate(
      { version: issue.version, ...patch },
      { onSuccess: () => message && notifySuccess(message), onError: (e) => handleApiError(e) },
    );
  const moveTo = async (status: IssueStatus) => {
    if (status === "selesai") {
      const ok = await confirm({
        title: t("issues.closeTitle"),
        message: t("issues.closeMessage"),
        confirmLabel: t("issues.statuses.selesai"),
      });
      if (!ok) return;
    }
    change({ status }, t("issues.statusChanged", { status: t(`issues.statuses.${status}`) }));
  };
  const manage = issue.can.manage;
  return (
    <>
      <PageHeader
        title={issue.title}
        description={issue.organizationName}
        actions={
          <Button variant="default" component={Link} to="/monitoring/issues">
            {t("issues.backToBoard")}
          </Button>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md">
              <Stack gap="xs">
                <Group gap="xs">
                  <SeverityBadge severity={issue.severity} />
                  <Badge variant="outline">{t(`issues.statuses.${issue.status}`)}</Badge>
                  <SlaBadge issue={issue} />
                </Group>
                {issue.summary && <Text size="sm">{issue.summary}</Text>}
                {issue.sourceUrl && (
                  <Anchor href={issue.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                    <IconArrowUpRight size={14} /> {t("issues.source")}
                  </Anchor>
                )}
                <Text size="xs" c="dimmed">
                  {t("issues.due", { due: formatDateTime(issue.dueAt), hours: issue.slaHours })}
                  {issue.escalatedAt && ` · ${t("issues.escalatedAt", { at: formatDateTime(issue.escalatedAt) })}`}
                </Text>
                {manage && (
                  <Group gap="xs">
                    {NEXT[issue.status].map((s) => (
                      <Button
                        key={s}
                        size="xs"
                        variant={s === "selesai" ? "filled" : "light"}
                        loading={update.isPending}
                        onClick={() => void moveTo(s)}
                      >
                        {t(`issues.moveTo.${s}`)}
                      </Button>
                    ))}
                  </Group>
                )}
              </Stack>
            </Card>
            <NoteForm issueId={issue.id} disabled={!manage} />
            <Card withBorder radius="md">
              <Title order={5} mb="sm">
                {t("issues.timeline")}
              </Title>
              <Timeline bulletSize={18} lineWidth={2}>
                {[...issue.timeline].reverse().map((e) => (
                  <Timeline.Item
                    key={e.id}
                    title={t(`issues.events.${e.kind}`, { defaultValue: e.kind })}
                    color={e.kind === "escalated" ? "grape" : undefined}
                  >
                    <Text size="xs" c="dimmed">
                      {[e.actorName ?? t("issues.system"), formatDateTime(e.at)].join(" · ")}
                    </Text>
                    {e.kind === "status" && (
                      <Text size="sm">
                        {t(`issues.statuses.${String(e.data.from)}`)} → {t(`issues.statuses.${String(e.data.to)}`)}
                      </Text>
                    )}
                    {e.kind === "content_linked" && <Text size="sm">{String(e.data.title ?? "")}</Text>}
                    {e.note && <Text size="sm">{e.note}</Text>}
                  </Timeline.Item>
                ))}
              </Timeline>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <AssignmentCard issue={issue} onChange={change} />
            <ContentCard issue={issue} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function NoteForm({ issueId, disabled }: { issueId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const add = useAddNote(issueId);
  if (disabled) return null;
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Textarea
          label={t("issues.followUp")}
          placeholder={t("issues.followUpPlaceholder")}
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button
            size="xs"
            leftSection={<IconNote size={14} />}
            disabled={!text.trim()}
            loading={add.isPending}
            onClick={() => add.mutate(text, { onSuccess: () => setText(""), onError: (e) => handleApiError(e) })}
          >
            {t("issues.addNote")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AssignmentCard({
  issue,
  onChange,
}: {
  issue: IssueDetailView;
  onChange: (patch: Record<string, unknown>, message?: string) => void;
}) {
  const { t } = useTranslation();
  const options = useIssueOptions(issue.id, undefined);
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Select
          label={t("issues.assignee")}
          data={(options.data?.assignees ?? []).map((a) => ({ value: a.id, label: a.name }))}
          value={issue.assignee?.id ?? null}
          placeholder={t("issues.unassigned")}
          clearable
          searchable
          disabled={!issue.can.manage}
          onChange={(v) => onChange({ assigneeId: v }, t("issues.assigned"))}
        />
        <Select
          label={t("issues.severity")}
          data={ISSUE_SEVERITIES.map((v) => ({ value: v, label: t(`issues.severities.${v}`) }))}
          value={issue.severity}
          allowDeselect={false}
          disabled={!issue.can.reassign}
          onChange={(v) => v && v !== issue.severity && onChange({ severity: v }, t("issues.severityChanged"))}
        />
        <OrganizationSelect
          label={t("issues.responsible")}
          value={issue.organizationId}
          clearable={false}
          disabled={!issue.can.reassign}
          onChange={(v) => v && v !== issue.organizationId && onChange({ organizationId: v }, t("issues.moved"))}
        />
      </Stack>
    </Card>
  );
}

function ContentCard({ issue }: { issue: IssueDetailView }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [q, setQ] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | null>(null);
  const [role, setRole] = useState<"klarifikasi" | "siaran_pers">("klarifikasi");
  const options = useIssueOptions(issue.id, q);
  const link = useLinkContent(issue.id);
  const unlink = useUnlinkContent(issue.id);
  return (
    <Card withBorder radius="md">
      <Stack gap="xs">
        <Title order={5}>{t("issues.response")}</Title>
        {issue.content.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("issues.noContent")}
          </Text>
        )}
        {issue.content.map((c) => (
          <Group key={c.contentItemId} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/content/${c.contentItemId}`} size="sm">
                {c.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t(`issues.roles.${c.role}`)} · {c.status}
              </Text>
            </Stack>
            {issue.can.manage && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={async () => {
                  if (await confirm({ title: t("issues.unlinkTitle"), message: c.title, confirmLabel: t("issues.unlink"), danger: true }))
                    unlink.mutate(c.contentItemId, { onError: (e) => handleApiError(e) });
                }}
              >
                {t("issues.unlink")}
              </Button>
            )}
          </Group>
        ))}
        {issue.can.manage && (
          <>
            <Select
              label={t("issues.pickContent")}
              searchable
              clearable
              onSearchChange={(v) => setQ(v || undefined)}
              data={(options.data?.content ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.type})` }))}
              value={picked}
              onChange={setPicked}
              nothingFoundMessage={t("issues.noCandidates")}
            />
            <Group gap="xs" align="flex-end">
              <Select
                label={t("issues.role")}
                data={[
                  { value: "klarifikasi", label: t("issues.roles.klarifikasi") },
                  { value: "siaran_pers", label: t("issues.roles.siaran_pers") },
                ]}
                value={role}
                allowDeselect={false}
                onChange={(v) => v && setRole(v as typeof role)}
                w={180}
              />
              <Button
                leftSection={<IconLink size={14} />}
                disabled={!picked}
                loading={link.isPending}
                onClick={() =>
                  picked &&
                  link.mutate({ contentItemId: picked, role }, { onSuccess: () => setPicked(null), onError: (e) => handleApiError(e) })
                }
              >
                {t("issues.link")}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
