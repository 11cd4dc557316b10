/**
 * The editor's values and their mapping to the API. The form keeps every input as a plain
 * value ("" for empty text) while the API wants only the type's own fields, empty ones left out
 * (a PATCH replaces `fields` as a whole, so leaving a key out clears it).
 */
import type { ChannelPlatform, ContentFields, ContentType } from "../../../common/schemas/content";
import type { ContentView, CreateContentBody, UpdateContentBody } from "./content-api";

export interface Quote {
  text: string;
  speaker: string;
  role: string;
}
export interface Photo {
  assetId: string;
  caption: string;
  credit: string;
  place: string;
  takenAt: string;
}
export interface InfoImage {
  assetId: string;
  altText: string;
}
export interface Subtitle {
  language: string;
  format: "srt" | "vtt";
  text: string;
  /** Shown in the list only; not sent. */
  fileName: string;
}

export interface FieldValues {
  dateline: string;
  lead: string;
  quotes: Quote[];
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  boilerplate: string;
  photos: Photo[];
  images: InfoImage[];
  dataSource: string;
  videoAssetId: string | null;
  videoUrl: string;
  thumbnailAssetId: string | null;
  durationSeconds: number | string;
  subtitles: Subtitle[];
  validUntil: string;
  claim: string;
  circulatedOn: string;
  hoaxLabel: string;
  facts: string;
  agencyStatement: string;
  references: string[];
  socialText: string;
  mediaAssetIds: string[];
  variants: Partial<Record<ChannelPlatform, string>>;
}

export interface ContentFormValues {
  organizationId: string | null;
  title: string;
  summary: string;
  bodyHtml: string;
  sensitive: boolean;
  campaignId: string | null;
  coverAssetId: string | null;
  fields: FieldValues;
}

/** Which `fields` keys belong to which type; only these are sent. */
export const TYPE_FIELDS: Record<ContentType, readonly (keyof FieldValues)[]> = {
  siaran_pers: ["dateline", "lead", "quotes", "contactName", "contactPhone", "contactEmail", "boilerplate"],
  berita: [],
  foto: ["photos"],
  infografis: ["images", "dataSource"],
  video: ["videoAssetId", "videoUrl", "thumbnailAssetId", "durationSeconds", "subtitles"],
  pengumuman: ["validUntil"],
  klarifikasi: ["claim", "circulatedOn", "hoaxLabel", "facts", "agencyStatement", "references"],
  sosial: ["socialText", "mediaAssetIds", "variants"],
};

/** A social post is its text; every other type has a rich-text body and a summary. */
export const hasBody = (type: ContentType) => type !== "sosial";

export function emptyFields(): FieldValues {
  return {
    dateline: "",
    lead: "",
    quotes: [],
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    boilerplate: "",
    photos: [],
    images: [],
    dataSource: "",
    videoAssetId: null,
    videoUrl: "",
    thumbnailAssetId: null,
    durationSeconds: "",
    subtitles: [],
    validUntil: "",
    claim: "",
    circulatedOn: "",
    hoaxLabel: "",
    facts: "",
    agencyStatement: "",
    references: [],
    socialText: "",
    mediaAssetIds: [],
    variants: {},
  };
}

export function emptyValues(organizationId: string | null): ContentFormValues {
  return {
    organizationId,
    title: "",
    summary: "",
    bodyHtml: "",
    sensitive: false,
    campaignId: null,
    coverAssetId: null,
    fields: emptyFields(),
  };
}

export function viewToValues(view: ContentView): ContentFormValues {
  const f = view.fields;
  const base = emptyFields();
  return {
    organizationId: view.organization.id,
    title: view.title,
    summary: view.summary,
    bodyHtml: view.bodyHtml,
    sensitive: view.sensitive,
    campaignId: view.campaignId,
    coverAssetId: view.coverAssetId,
    fields: {
      ...base,
      dateline: f.dateline ?? "",
      lead: f.lead ?? "",
      quotes: f.quotes ?? [],
      contactName: f.contactName ?? "",
      contactPhone: f.contactPhone ?? "",
      contactEmail: f.contactEmail ?? "",
      boilerplate: f.boilerplate ?? "",
      photos: f.photos ?? [],
      images: f.images ?? [],
      dataSource: f.dataSource ?? "",
      videoAssetId: f.videoAssetId ?? null,
      videoUrl: f.videoUrl ?? "",
      thumbnailAssetId: f.thumbnailAssetId ?? null,
      durationSeconds: f.durationSeconds ?? "",
      subtitles: (f.subtitles ?? []).map((s) => ({ ...s, fileName: `${s.language}.${s.format}` })),
      validUntil: f.validUntil ?? "",
      claim: f.claim ?? "",
      circulatedOn: f.circulatedOn ?? "",
      hoaxLabel: f.hoaxLabel ?? "",
      facts: f.facts ?? "",
      agencyStatement: f.agencyStatement ?? "",
      references: f.references ?? [],
      socialText: f.socialText ?? "",
      mediaAssetIds: f.mediaAssetIds ?? [],
      variants: f.variants ?? {},
    },
  };
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** The type's fields as the API wants them: empty ones left out, blank list rows dropped. */
export function toFields(type: ContentType, values: FieldValues): ContentFields {
  const out: Record<string, unknown> = {};
  for (const key of TYPE_FIELDS[type]) {
    let value: unknown = values[key];
    if (key === "durationSeconds") value = value === "" ? undefined : Number(value);
    if (key === "subtitles") value = values.subtitles.map(({ fileName: _name, ...rest }) => rest);
    if (key === "references") value = values.references.map((r) => r.trim()).filter(Boolean);
    if (key === "variants") value = Object.fromEntries(Object.entries(values.variants).filter(([, text]) => text?.trim()));
    if (!isEmpty(value)) out[key] = value;
  }
  return out as ContentFields;
}

export function toCreateBody(type: ContentType, values: ContentFormValues): CreateContentBody {
  return {
    organizationId: values.organizationId ?? "",
    type,
    title: values.title.trim(),
    summary: hasBody(type) ? values.summary.trim() : "",
    bodyHtml: hasBody(type) ? values.bodyHtml : "",
    fields: toFields(type, values.fields),
    sensitive: values.sensitive,
    campaignId: values.campaignId,
    coverAssetId: values.coverAssetId,
  };
}

export function toUpdateBody(type: ContentType, values: ContentFormValues, baseVersion: number): UpdateContentBody {
  const { organizationId: _org, type: _type, ...rest } = toCreateBody(type, values);
  return { baseVersion, ...rest };
}

/**
 * Server and `missingForReview` name fields by their own key ("dateline", "photos.0.caption",
 * "video"); the form nests type fields under `fields.`. Answers the form path for a key.
 */
export function formPath(key: string): string {
  const bare = key.replace(/^fields\./, "");
  if (["title", "summary", "bodyHtml", "organizationId", "sensitive", "campaignId", "coverAssetId"].includes(bare)) return bare;
  if (bare === "video") return "fields.videoAssetId";
  return `fields.${bare}`;
}

/** Moves server field errors (any key style) onto the form's paths. */
export function toFormErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [formPath(key), message]));
}
