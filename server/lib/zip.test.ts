import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { zipStream } from "./zip";

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const photo = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
const entries = () => [
  { name: "01-foto-pantai.jpg", data: photo, modified: new Date("2026-11-21T02:00:00Z") },
  { name: "kredit/kredit.txt", data: Buffer.from("Foto: Humas Dinas Pariwisata — Ni Luh Ayu\n", "utf8") },
];

describe("zipStream", () => {
  it("writes a structurally valid stored archive: headers, CRCs, central directory", async () => {
    const zip = await collect(zipStream(entries()));
    // Local header of the first entry: signature, stored, UTF-8 flag, CRC and sizes.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(6)).toBe(0x0800);
    expect(zip.readUInt16LE(8)).toBe(0);
    expect(zip.readUInt32LE(14)).toBe(crc32(photo));
    expect(zip.readUInt32LE(18)).toBe(photo.length);
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe("01-foto-pantai.jpg");
    expect(zip.subarray(30 + nameLength, 30 + nameLength + photo.length).equals(photo)).toBe(true);
    // End of central directory: two entries, and the directory it points at is where it says.
    const eocd = zip.length - 22;
    expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
    expect(zip.readUInt16LE(eocd + 10)).toBe(2);
    const cdSize = zip.readUInt32LE(eocd + 12);
    const cdOffset = zip.readUInt32LE(eocd + 16);
    expect(cdOffset + cdSize).toBe(eocd);
    expect(zip.readUInt32LE(cdOffset)).toBe(0x02014b50);
    // The second central record points at the second local header.
    const second = cdOffset + 46 + nameLength;
    expect(zip.readUInt32LE(second)).toBe(0x02014b50);
    const localOffset = zip.readUInt32LE(second + 42);
    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
  });

  it.runIf(existsSync("/usr/bin/unzip"))("is accepted and extracted by Info-ZIP unzip", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sinergi-zip-"));
    const file = path.join(dir, "paket.zip");
    writeFileSync(file, await collect(zipStream(entries())));
    const tested = execFileSync("unzip", ["-t", file]).toString();
    expect(tested).toMatch(/No errors detected/);
    execFileSync("unzip", ["-q", file, "-d", path.join(dir, "out")]);
    expect(readFileSync(path.join(dir, "out", "01-foto-pantai.jpg")).equals(photo)).toBe(true);
    expect(readFileSync(path.join(dir, "out", "kredit", "kredit.txt"), "utf8")).toContain("Ni Luh Ayu");
  });

  it("refuses entry names that would escape the folder", async () => {
    await expect(text(zipStream([{ name: "../etc/passwd", data: Buffer.from("x") }]))).rejects.toThrow(/invalid zip entry name/);
    await expect(text(zipStream([{ name: "/abs.txt", data: Buffer.from("x") }]))).rejects.toThrow(/invalid zip entry name/);
  });

  it("writes an empty archive as just the end record", async () => {
    const zip = await collect(zipStream([]));
    expect(zip.length).toBe(22);
    expect(zip.readUInt32LE(0)).toBe(0x06054b50);
  });
});
