import sharp from "sharp";
import { createSafeFetch } from "../../../lib/safe-fetch";
import type { ConnectorDeps, Post, PostMedia } from "./connector";

/** Test helpers for connectors: deps pointing at local fakes, and media with real bytes. */

export function testDeps(env: Partial<ConnectorDeps["env"]> = {}): ConnectorDeps {
  return {
    // The fakes listen on 127.0.0.1, which the guard refuses unless allowed, exactly as in production.
    fetch: createSafeFetch("127.0.0.1"),
    env: {
      TELEGRAM_API_URL: "http://127.0.0.1:9",
      GRAPH_API_URL: "http://127.0.0.1:9/v21.0",
      X_API_URL: "http://127.0.0.1:9",
      YOUTUBE_API_URL: "http://127.0.0.1:9/youtube/v3",
      YOUTUBE_UPLOAD_URL: "http://127.0.0.1:9/upload/youtube/v3",
      ...env,
    },
  };
}

export async function jpeg(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();
}

export async function imageMedia(width = 1200, height = 800, fileName = "foto.jpg"): Promise<PostMedia> {
  const data = await jpeg(Math.min(width, 400), Math.round((Math.min(width, 400) * height) / width));
  return {
    id: `img-${fileName}`,
    kind: "image",
    mime: "image/jpeg",
    fileName,
    sizeBytes: data.length,
    width,
    height,
    publicUrl: `https://sinergi.uji.go.id/media/${fileName}/large`,
    load: async () => ({ data, mime: "image/jpeg", fileName }),
  };
}

export function videoMedia(bytes = 4096, fileName = "video.mp4"): PostMedia {
  const data = Buffer.alloc(bytes, 7);
  return {
    id: `vid-${fileName}`,
    kind: "video",
    mime: "video/mp4",
    fileName,
    sizeBytes: bytes,
    width: 1920,
    height: 1080,
    publicUrl: `https://sinergi.uji.go.id/media/${fileName}/large`,
    load: async () => ({ data, mime: "video/mp4", fileName }),
  };
}

export const post = (over: Partial<Post> = {}): Post => ({
  text: "Vaksinasi gratis di Puskesmas Denpasar Barat, Sabtu 12 Desember.",
  title: "Vaksinasi Gratis",
  link: "https://sinergi.uji.go.id/berita/vaksinasi-gratis",
  media: [],
  ...over,
});
