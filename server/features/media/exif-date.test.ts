import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { exifTakenAt } from "./exif-date";

const photo = (exif: Parameters<ReturnType<typeof sharp>["withExif"]>[0]) =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: "#123456" } })
    .jpeg()
    .withExif(exif)
    .toBuffer()
    .then((b) => sharp(b).metadata())
    .then((m) => m.exif);

describe("exifTakenAt", () => {
  it("reads DateTimeOriginal with the camera's own offset", async () => {
    const exif = await photo({ IFD2: { DateTimeOriginal: "2025:03:14 09:30:00", OffsetTimeOriginal: "+08:00" } });
    expect(exifTakenAt(exif, "+07:00")?.toISOString()).toBe("2025-03-14T01:30:00.000Z");
  });

  it("assumes the organization's zone when the camera wrote none", async () => {
    const exif = await photo({ IFD2: { DateTimeOriginal: "2024:08:17 07:00:00" } });
    expect(exifTakenAt(exif, "+09:00")?.toISOString()).toBe("2024-08-16T22:00:00.000Z");
  });

  it("answers null without a date, for blank dates and for garbage", async () => {
    expect(exifTakenAt(await photo({ IFD0: { Make: "Uji" } }), "+07:00")).toBeNull();
    expect(exifTakenAt(await photo({ IFD2: { DateTimeOriginal: "0000:00:00 00:00:00" } }), "+07:00")).toBeNull();
    expect(exifTakenAt(undefined, "+07:00")).toBeNull();
    expect(exifTakenAt(Buffer.from("Exif\0\0II*\0\xff\xff\xff\xff garbage", "latin1"), "+07:00")).toBeNull();
    const valid = await photo({ IFD2: { DateTimeOriginal: "2025:03:14 09:30:00" } });
    // Cut in the middle of the block: offsets now point past the end.
    expect(exifTakenAt(valid?.subarray(0, 60), "+07:00")).toBeNull();
  });
});
