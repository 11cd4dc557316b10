import { Readable } from "node:stream";
import { crc32 } from "node:zlib";

export interface ZipEntry {
  /** Path inside the archive: relative, forward slashes, no "..". */
  name: string;
  data: Buffer;
  modified?: Date;
}

const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/** MS-DOS date and time, the only timestamp a plain zip entry has (no zone: written in UTC). */
function dosDateTime(d: Date) {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

function checkName(name: string): Buffer {
  if (!name || name.startsWith("/") || name.includes("\\") || name.split("/").includes(".."))
    throw new Error(`invalid zip entry name: ${name}`);
  return Buffer.from(name, "utf8");
}

/**
 * A minimal zip writer (STORE method, no compression), streamed entry by entry: press-kit
 * photos are JPEGs already, so deflating them would cost CPU for nothing. Each entry's CRC-32
 * and size are known before its header is written (the data is in memory), so no data
 * descriptors are needed; names are flagged UTF-8. No ZIP64: at most 65,535 entries and 4 GiB.
 * (archiver/jszip are only transitive dependencies of exceljs here, not ours to rely on.)
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  async function* generate() {
    const central: Buffer[] = [];
    let offset = 0;
    let count = 0;
    for await (const entry of entries) {
      if (++count > MAX_ENTRIES) throw new Error("too many zip entries");
      const name = checkName(entry.name);
      const { date, time } = dosDateTime(entry.modified ?? new Date());
      const crc = crc32(entry.data);
      const size = entry.data.length;
      if (size > MAX_BYTES || offset + size > MAX_BYTES) throw new Error("zip too large");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed to extract (2.0)
      local.writeUInt16LE(0x0800, 6); // general purpose flags: UTF-8 names
      local.writeUInt16LE(0, 8); // method: stored
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(size, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4); // version made by
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(0, 10);
      header.writeUInt16LE(time, 12);
      header.writeUInt16LE(date, 14);
      header.writeUInt32LE(crc, 16);
      header.writeUInt32LE(size, 20);
      header.writeUInt32LE(size, 24);
      header.writeUInt16LE(name.length, 28);
      // extra length, comment length, disk number, internal and external attributes: all 0
      header.writeUInt32LE(offset, 42);
      central.push(header, name);
      yield Buffer.concat([local, name]);
      yield entry.data;
      offset += local.length + name.length + size;
    }
    const directory = Buffer.concat(central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    yield Buffer.concat([directory, end]);
  }
  return Readable.from(generate(), { objectMode: false });
}
