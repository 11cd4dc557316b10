import { createReadStream } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface OpenedFile {
  stream: Readable;
  /** The whole file's size. */
  size: number;
  /** The range served (inclusive), when one was asked for and fits. */
  range?: { start: number; end: number };
}

/** Where uploaded files live: the local disk by default (S3 is a later drop-in). */
export interface FileStore {
  put(key: string, data: Buffer): Promise<void>;
  /**
   * Moves a finished upload (a local temporary file) into the store without reading it into
   * memory: media uploads reach gigabytes. The source is gone afterwards.
   */
  putFile(key: string, sourcePath: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /**
   * Streams a stored file (large videos are never buffered whole), or the byte range asked for
   * when it lies inside the file; null when the file is missing.
   */
  open(key: string, range?: { start: number; end?: number }): Promise<OpenedFile | null>;
  delete(key: string): Promise<void>;
}

export function localFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    const full = path.resolve(root, key);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error("invalid file key");
    return full;
  };
  return {
    async put(key, data) {
      const full = resolve(key);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, data);
    },
    async putFile(key, sourcePath) {
      const full = resolve(key);
      await mkdir(path.dirname(full), { recursive: true });
      try {
        await rename(sourcePath, full);
      } catch (err) {
        // Another file system (the upload directory on its own volume): copy, then remove.
        if ((err as { code?: string }).code !== "EXDEV") throw err;
        await copyFile(sourcePath, full);
        await rm(sourcePath, { force: true });
      }
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch {
        return null;
      }
    },
    async open(key, range) {
      try {
        const full = resolve(key);
        const { size } = await stat(full);
        if (range && range.start < size) {
          const end = Math.min(range.end ?? size - 1, size - 1);
          return { stream: createReadStream(full, { start: range.start, end }), size, range: { start: range.start, end } };
        }
        return { stream: createReadStream(full), size };
      } catch {
        return null;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}
