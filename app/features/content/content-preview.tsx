/**
 * The item as it will read: body HTML (sanitized by the server on every save) plus the type's
 * own fields, laid out the way the newsroom shows them.
 */
import { Anchor, Badge, Blockquote, Divider, Image, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { mediaFileUrl } from "../../../common/schemas/media";
import type { ContentView } from "./content-api";
import classes from "./rich-text-editor.module.css";

function Labeled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap", fontSize: "var(--mantine-font-size-sm)" }}>{children}</div>
    </Stack>
  );
}

function Figure({ assetId, caption, alt }: { assetId: string; caption?: ReactNode; alt: string }) {
  return (
    <Stack gap={4} component="figure" m={0}>
      <Image src={mediaFileUrl(assetId, "medium")} alt={alt} radius="sm" fit="contain" mah={420} />
      {caption && (
        <Text size="xs" c="dimmed" component="figcaption">
          {caption}
        </Text>
      )}
    </Stack>
  );
}

function TypeFields({ item }: { item: ContentView }) {
  const { t } = useTranslation();
  const f = item.fields;
  switch (item.type) {
    case "foto":
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(f.photos ?? []).map((p) => (
            <Figure
              key={p.assetId}
              assetId={p.assetId}
              alt={p.caption}
              caption={[p.caption, p.credit && `${t("content.fields.credit")}: ${p.credit}`, p.place, p.takenAt]
                .filter(Boolean)
                .join(" · ")}
            />
          ))}
        </SimpleGrid>
      );
    case "infografis":
      return (
        <Stack>
          {(f.images ?? []).map((img) => (
            <Figure key={img.assetId} assetId={img.assetId} alt={img.altText} />
          ))}
          {f.dataSource && <Labeled label={t("content.fields.dataSource")}>{f.dataSource}</Labeled>}
        </Stack>
      );
    case "video":
      return (
        <Stack gap="sm">
          {f.videoAssetId ? (
            // biome-ignore lint/a11y/useMediaCaption: subtitles are listed below; staff preview only
            <video
              controls
              preload="metadata"
              style={{ width: "100%", maxHeight: 420, background: "#000" }}
              poster={f.thumbnailAssetId ? mediaFileUrl(f.thumbnailAssetId, "medium") : undefined}
              src={mediaFileUrl(f.videoAssetId)}
            />
          ) : f.videoUrl ? (
            <Anchor href={f.videoUrl} target="_blank" rel="noopener noreferrer">
              {f.videoUrl}
            </Anchor>
          ) : null}
          {f.durationSeconds && <Labeled label={t("content.fields.durationSeconds")}>{f.durationSeconds}</Labeled>}
          {(f.subtitles ?? []).length > 0 && (
            <Labeled label={t("content.fields.subtitles")}>
              {(f.subtitles ?? []).map((s) => `${s.language} (${s.format})`).join(", ")}
            </Labeled>
          )}
        </Stack>
      );
    case "pengumuman":
      return f.validUntil ? <Labeled label={t("content.fields.validUntil")}>{f.validUntil}</Labeled> : null;
    case "klarifikasi":
      return (
        <Stack gap="sm">
          {f.hoaxLabel && (
            <Badge color="red" size="lg" style={{ alignSelf: "flex-start" }}>
              {f.hoaxLabel}
            </Badge>
          )}
          {f.claim && <Labeled label={t("content.fields.claim")}>{f.claim}</Labeled>}
          {f.circulatedOn && <Labeled label={t("content.fields.circulatedOn")}>{f.circulatedOn}</Labeled>}
          {f.facts && <Labeled label={t("content.fields.facts")}>{f.facts}</Labeled>}
          {f.agencyStatement && <Labeled label={t("content.fields.agencyStatement")}>{f.agencyStatement}</Labeled>}
          {(f.references ?? []).length > 0 && (
            <Labeled label={t("content.fields.references")}>
              <List size="sm">
                {(f.references ?? []).map((r) => (
                  <List.Item key={r}>
                    <Anchor href={r} target="_blank" rel="noopener noreferrer" size="sm">
                      {r}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Labeled>
          )}
        </Stack>
      );
    case "sosial":
      return (
        <Stack gap="sm">
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {f.socialText}
          </Text>
          {(f.mediaAssetIds ?? []).length > 0 && (
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(f.mediaAssetIds ?? []).map((id) => (
                <Image key={id} src={mediaFileUrl(id, "thumb")} alt="" radius="sm" />
              ))}
            </SimpleGrid>
          )}
          {Object.entries(f.variants ?? {}).map(([platform, text]) => (
            <Labeled key={platform} label={t("content.fields.variantFor", { platform: t(`content.platforms.${platform}`) })}>
              {text}
            </Labeled>
          ))}
        </Stack>
      );
    default:
      return null;
  }
}

export function ContentPreview({ item }: { item: ContentView }) {
  const { t } = useTranslation();
  const f = item.fields;
  const press = item.type === "siaran_pers";
  return (
    <Stack gap="md" component="article" aria-label={t("content.preview")}>
      {item.coverAssetId && <Figure assetId={item.coverAssetId} alt="" />}
      {item.summary && (
        <Text fw={500} size="md">
          {item.summary}
        </Text>
      )}
      {press && (f.dateline || f.lead) && (
        <Text size="sm">
          {f.dateline && (
            <Text span fw={700} size="sm">
              {f.dateline} –{" "}
            </Text>
          )}
          {f.lead}
        </Text>
      )}
      {item.bodyHtml && (
        // The server sanitizes body_html (allow-list) on every save; this is that stored HTML.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server
        <div className={classes.content} style={{ padding: 0, minHeight: 0 }} dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      )}
      {press &&
        (f.quotes ?? []).map((q) => (
          <Blockquote key={`${q.speaker}-${q.text.slice(0, 20)}`} cite={`— ${[q.speaker, q.role].filter(Boolean).join(", ")}`} p="sm">
            {q.text}
          </Blockquote>
        ))}
      <TypeFields item={item} />
      {press && (f.contactName || f.contactPhone || f.contactEmail || f.boilerplate) && (
        <>
          <Divider />
          {f.boilerplate && <Labeled label={t("content.fields.boilerplate")}>{f.boilerplate}</Labeled>}
          {(f.contactName || f.contactPhone || f.contactEmail) && (
            <Labeled label={t("content.fields.contactName")}>
              {[f.contactName, f.contactPhone, f.contactEmail].filter(Boolean).join(" · ")}
            </Labeled>
          )}
        </>
      )}
      {!item.bodyHtml && item.type !== "sosial" && item.type !== "foto" && item.type !== "infografis" && (
        <Title order={6} c="dimmed">
          {t("content.noBody")}
        </Title>
      )}
    </Stack>
  );
}
