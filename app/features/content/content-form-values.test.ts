import { describe, expect, it } from "vitest";
import { contentFields, missingForReview, updateContentBody } from "../../../common/schemas/content";
import type { ContentView } from "./content-api";
import { emptyValues, formPath, toCreateBody, toFields, toFormErrors, toUpdateBody, viewToValues } from "./content-form-values";

const ASSET = "01a20175-05b0-72a4-99f6-4acd142098da";

describe("toFields", () => {
  it("sends only the type's own fields and leaves empty ones out", () => {
    const values = emptyValues(null);
    values.fields.dateline = "Denpasar, 21 November 2026";
    values.fields.lead = "   ";
    values.fields.claim = "belongs to klarifikasi, not to a press release";
    values.fields.quotes = [{ text: "Kami siap.", speaker: "dr. Made", role: "Kepala Dinas" }];
    expect(toFields("siaran_pers", values.fields)).toEqual({
      dateline: "Denpasar, 21 November 2026",
      quotes: [{ text: "Kami siap.", speaker: "dr. Made", role: "Kepala Dinas" }],
    });
    expect(toFields("berita", values.fields)).toEqual({});
  });

  it("turns the form's video inputs into what the contract accepts", () => {
    const values = emptyValues(null);
    values.fields.videoAssetId = ASSET;
    values.fields.durationSeconds = "95";
    values.fields.subtitles = [{ language: "id", format: "srt", text: "1\n00:00:01,000 --> 00:00:02,000\nHalo\n", fileName: "id.srt" }];
    const fields = toFields("video", values.fields);
    expect(fields).toEqual({
      videoAssetId: ASSET,
      durationSeconds: 95,
      subtitles: [{ language: "id", format: "srt", text: "1\n00:00:01,000 --> 00:00:02,000\nHalo\n" }],
    });
    // The strict schema would refuse the form-only fileName or a string duration.
    expect(contentFields.safeParse(fields).success).toBe(true);
  });

  it("drops blank reference rows and variants", () => {
    const values = emptyValues(null);
    values.fields.references = ["https://cekfakta.example/1", "  "];
    values.fields.socialText = "Ayo vaksin!";
    values.fields.variants = { x: "Ayo vaksin! #BaliSehat", instagram: "" };
    expect(toFields("klarifikasi", values.fields)).toEqual({ references: ["https://cekfakta.example/1"] });
    expect(toFields("sosial", values.fields)).toEqual({ socialText: "Ayo vaksin!", variants: { x: "Ayo vaksin! #BaliSehat" } });
  });
});

describe("bodies", () => {
  it("a social post carries no body or summary; an update carries the base version", () => {
    const values = emptyValues("0199a0b0-0000-7000-8000-000000000001");
    values.title = "  Ajakan vaksin  ";
    values.summary = "ringkasan";
    values.bodyHtml = "<p>isi</p>";
    const create = toCreateBody("sosial", values);
    expect(create).toMatchObject({ type: "sosial", title: "Ajakan vaksin", summary: "", bodyHtml: "" });
    const update = toUpdateBody("berita", values, 4);
    expect(update).toMatchObject({ baseVersion: 4, summary: "ringkasan", bodyHtml: "<p>isi</p>" });
    expect(update).not.toHaveProperty("organizationId");
    expect(updateContentBody.safeParse(update).success).toBe(true);
  });

  it("a stored item comes back to the same fields it was saved with", () => {
    const fields = {
      photos: [{ assetId: ASSET, caption: "Kader menimbang balita", credit: "Humas", place: "Gianyar", takenAt: "2026-11-20" }],
    };
    const view = {
      organization: { id: "0199a0b0-0000-7000-8000-000000000001", name: "Dinkes", shortName: "Dinkes", slug: "dinkes" },
      title: "Posyandu",
      summary: "",
      bodyHtml: "",
      sensitive: false,
      campaignId: null,
      coverAssetId: null,
      fields,
    } as unknown as ContentView;
    const values = viewToValues(view);
    expect(toFields("foto", values.fields)).toEqual(fields);
    expect(missingForReview("foto", { title: values.title, bodyHtml: values.bodyHtml, fields: toFields("foto", values.fields) })).toEqual(
      [],
    );
  });
});

describe("formPath", () => {
  it("maps server and checklist keys onto the form's nested paths", () => {
    expect(formPath("title")).toBe("title");
    expect(formPath("bodyHtml")).toBe("bodyHtml");
    expect(formPath("dateline")).toBe("fields.dateline");
    expect(formPath("fields.dateline")).toBe("fields.dateline");
    expect(formPath("photos.0.credit")).toBe("fields.photos.0.credit");
    expect(formPath("video")).toBe("fields.videoAssetId");
    expect(toFormErrors({ "fields.subtitles.0.text": "Baris 3 tidak sah", boilerplate: "Wajib diisi" })).toEqual({
      "fields.subtitles.0.text": "Baris 3 tidak sah",
      "fields.boilerplate": "Wajib diisi",
    });
  });
});
