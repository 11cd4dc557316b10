/**
 * Reads when a photo was taken from its EXIF block (the buffer sharp's metadata() returns).
 * Only two tags are needed, DateTimeOriginal and OffsetTimeOriginal, so this is a tiny TIFF
 * reader rather than a dependency. Anything malformed yields null: the date stays editable.
 */

const EXIF_IFD_POINTER = 0x8769;
const DATE_TIME_ORIGINAL = 0x9003;
const DATE_TIME_DIGITIZED = 0x9004;
const OFFSET_TIME_ORIGINAL = 0x9011;
const ASCII = 2;
const LONG = 4;

interface Entry {
  type: number;
  count: number;
  /** Offset of the value (inline values sit in the entry itself). */
  at: number;
}

function readIfd(tiff: Buffer, offset: number, le: boolean): Map<number, Entry> {
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const entries = new Map<number, Entry>();
  if (offset + 2 > tiff.length) return entries;
  const n = u16(offset);
  for (let i = 0; i < n; i++) {
    const e = offset + 2 + i * 12;
    if (e + 12 > tiff.length) break;
    const type = u16(e + 2);
    const count = u32(e + 4);
    const size = type === ASCII ? count : type === LONG ? 4 * count : 0;
    entries.set(u16(e), { type, count, at: size <= 4 ? e + 8 : u32(e + 8) });
  }
  return entries;
}

function ascii(tiff: Buffer, entry: Entry | undefined): string | null {
  if (!entry || entry.type !== ASCII || entry.at + entry.count > tiff.length) return null;
  return tiff
    .subarray(entry.at, entry.at + entry.count)
    .toString("latin1")
    .replace(/\0.*$/s, "")
    .trim();
}

/**
 * The moment the photo was taken. EXIF stores local time without a zone; OffsetTimeOriginal
 * gives it when the camera wrote one, otherwise `fallbackOffset` (the organization's WIB, WITA
 * or WIT) is assumed.
 */
export function exifTakenAt(exif: Buffer | undefined, fallbackOffset: string): Date | null {
  if (!exif || exif.length < 14) return null;
  try {
    const start = exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0;
    const tiff = exif.subarray(start);
    const order = tiff.subarray(0, 2).toString("latin1");
    if (order !== "II" && order !== "MM") return null;
    const le = order === "II";
    const ifd0 = readIfd(tiff, le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4), le);
    const pointer = ifd0.get(EXIF_IFD_POINTER);
    if (!pointer) return null;
    const exifIfd = readIfd(tiff, le ? tiff.readUInt32LE(pointer.at) : tiff.readUInt32BE(pointer.at), le);
    const taken = ascii(tiff, exifIfd.get(DATE_TIME_ORIGINAL)) ?? ascii(tiff, exifIfd.get(DATE_TIME_DIGITIZED));
    const m = taken?.match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
    if (!m || m[1] === "0000") return null;
    const zone = ascii(tiff, exifIfd.get(OFFSET_TIME_ORIGINAL));
    const offset = zone && /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : fallbackOffset;
    const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${offset}`);
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    // A truncated or lying block (offsets past the end): no date rather than a failed upload.
    return null;
  }
}
