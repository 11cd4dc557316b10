/** Fixtures shared by the media tests: files built in memory and raw (binary-safe) requests. */
import sharp from "sharp";
import type { TestClient } from "../../test/http-client";

/** A JPEG that carries EXIF with GPS (Denpasar) and the time it was taken. */
export function jpegWithGps(width = 1600, height = 900): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7d44" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Kamera Uji", Model: "Lapangan 1" },
      IFD2: { DateTimeOriginal: "2025:03:14 09:30:00" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "8/1 39/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "115/1 13/1 0/1" },
    })
    .toBuffer();
}

/** Random pixels compress badly, so the JPEG is about as large as asked. */
export function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
    .jpeg({ quality: 100 })
    .toBuffer();
}

export const pngBytes = () =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: "#ff000080" } })
    .png()
    .toBuffer();

/** Enough of an MP4 for magic-byte detection (an `ftyp` box), padded with data. */
export function fakeMp4(bytes: number): Buffer {
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from("ftypmp42"), 0, 0, 0, 0, ...Buffer.from("mp42isom")]);
  const body = Buffer.alloc(bytes - ftyp.length);
  for (let i = 0; i < body.length; i++) body[i] = (i * 31 + 7) & 0xff;
  return Buffer.concat([ftyp, body]);
}

/** A Windows executable header (MZ … PE), whatever it is called. */
export function exeBytes(): Buffer {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}

/** A ZIP archive with one stored file. */
export function zipBytes(): Buffer {
  const name = Buffer.from("catatan.txt");
  const data = Buffer.from("isi arsip");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

export function uploadForm(organizationId: string | null, data: Buffer, fileName: string, type = "application/octet-stream") {
  const form = new FormData();
  if (organizationId) form.append("organizationId", organizationId);
  form.append("file", new Blob([new Uint8Array(data)], { type }), fileName);
  return form;
}

/** GET with the client's session, answering the body as bytes. */
export async function getBytes(client: TestClient, url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${client.baseUrl}${url}`, { headers: { cookie: client.cookie ?? "", ...headers } });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}
