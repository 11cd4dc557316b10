/**
 * An endless, deterministic stream of realistic feed items for the monitoring benchmarks, built
 * from the five seed articles (near-dup fixtures) and the news texts of the hoax dataset.
 *
 * Memory is bounded on purpose (the worker-memory benchmark must measure the pipeline, not the
 * generator): items are made per batch and only the last RECENT originals are kept, to copy from.
 *
 * Mix per item: ~88 % originals (2–4 shuffled paragraphs of one seed article plus corpus
 * sentences, ~20 % of words swapped for corpus words so that unrelated articles share as few
 * 3-word shingles as real ones do), 7 % syndicated copies of a recent original (another outlet,
 * light edits: near-duplicates), 4 % exact duplicates (same text from another outlet, or the same
 * URL with other tracking parameters), 1 % updates (same URL, a paragraph added). Publication
 * times follow a simulated clock that walks over `spanDays` (ending now) with a few hours of
 * jitter, like a worker that has been running for weeks.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../../server/features/monitoring/classifier/rng";
import type { RawItem } from "../../server/features/monitoring/ingest/raw-item";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, "../../server/features/monitoring/near-dup/fixtures");
const HOAX_NEWS = path.join(HERE, "../../server/features/monitoring/hoax/dataset/hoax-news.csv");

/** Names the benchmark's watchlists look for; a share of items mention one. */
export const WATCHED_NAMES = [
  "Pemprov Bali",
  "Gubernur Koster",
  "Dinas Kesehatan",
  "Diskominfos Bali",
  "Wali Kota Denpasar",
  "Bupati Selayar",
  "Diskominfo Padang",
  "Pemprov Kaltim",
  "banjir bandang",
  "vaksinasi lansia",
];
const MENTION_TAILS = [
  "menegaskan program ini akan dilanjutkan tahun depan dengan anggaran yang lebih besar.",
  "dinilai lamban menangani keluhan warga sehingga banyak yang kecewa.",
  "mendapat apresiasi dari masyarakat atas pelayanan yang cepat dan ramah.",
  "belum memberikan tanggapan resmi hingga berita ini diturunkan.",
  "dikritik karena informasi yang disampaikan tidak jelas dan membingungkan.",
  "menggelar rapat koordinasi bersama perangkat daerah terkait.",
];
const OUTLETS = Array.from({ length: 40 }, (_, i) => `Media ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ""}`);
const RECENT = 1000;

export interface ItemMix {
  originals: number;
  syndicated: number;
  exactDuplicates: number;
  updates: number;
}

interface Corpus {
  seeds: string[][];
  sentences: string[];
  vocabulary: string[];
}

function loadCorpus(): Corpus {
  const seeds = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) =>
      readFileSync(path.join(FIXTURES, f), "utf8")
        .split(/\n+/)
        .map((p) => p.trim())
        .filter((p) => p.length > 40),
    );
  // The dataset is "text;label" CSV with quoted multi-line texts; sentences are all we need.
  const raw = readFileSync(HOAX_NEWS, "utf8")
    .replace(/;\s*\d+\s*$/gm, "\n")
    .replace(/"/g, " ");
  const sentences = raw
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter((s) => s.length >= 40 && s.length <= 320 && /^[A-Z]/.test(s));
  const words = new Set<string>();
  for (const text of [...seeds.flat(), ...sentences]) for (const w of text.split(/\s+/)) if (/^[a-z]{3,}$/.test(w)) words.add(w);
  return { seeds, sentences, vocabulary: [...words] };
}

export class MonitoringItemStream {
  readonly mix: ItemMix = { originals: 0, syndicated: 0, exactDuplicates: 0, updates: 0 };
  private readonly corpus = loadCorpus();
  private readonly rnd: () => number;
  private readonly recent: RawItem[] = [];
  private produced = 0;
  private readonly start: number;
  private readonly msPerItem: number;
  private readonly runId: string;

  constructor(
    private readonly total: number,
    opts: { seed?: number; spanDays?: number; now?: number; runId: string },
  ) {
    this.rnd = seededRandom(opts.seed ?? 42);
    const span = (opts.spanDays ?? 42) * 86_400_000;
    this.start = (opts.now ?? Date.now()) - span;
    this.msPerItem = span / Math.max(1, total);
    this.runId = opts.runId;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  private mutate(text: string, share: number): string {
    return text
      .split(" ")
      .map((w) => (this.rnd() < share && /^[a-z]/.test(w) ? this.pick(this.corpus.vocabulary) : w))
      .join(" ");
  }

  private clock(): number {
    return this.start + this.produced * this.msPerItem;
  }

  private url(outlet: string, at: number, query = "utm_source=rss&utm_medium=feed"): string {
    const d = new Date(at).toISOString().slice(0, 10).replaceAll("-", "/");
    const host = outlet.toLowerCase().replace(/\s+/g, "");
    return `https://${host}.example.id/berita/${d}/${this.runId}-${this.produced}?${query}`;
  }

  private original(): RawItem {
    const seed = this.pick(this.corpus.seeds);
    const shuffled = [...seed].sort(() => this.rnd() - 0.5).slice(0, 2 + Math.floor(this.rnd() * 3));
    const paragraphs = shuffled.map((p) => this.mutate(p, 0.2));
    const extra = 1 + Math.floor(this.rnd() * 2);
    for (let i = 0; i < extra; i++) {
      const sentences = Array.from({ length: 3 + Math.floor(this.rnd() * 3) }, () => this.pick(this.corpus.sentences));
      paragraphs.splice(Math.floor(this.rnd() * (paragraphs.length + 1)), 0, this.mutate(sentences.join(" "), 0.2));
    }
    if (this.rnd() < 0.35) {
      const mention = `${this.pick(WATCHED_NAMES)} ${this.pick(MENTION_TAILS)}`;
      const at = Math.floor(this.rnd() * paragraphs.length);
      paragraphs[at] = `${paragraphs[at]} ${mention}`;
    }
    const outlet = this.pick(OUTLETS);
    const at = this.clock() - this.rnd() * 6 * 3_600_000;
    const firstSentence = paragraphs[0].split(/(?<=[.!?])\s+/)[0];
    return {
      url: this.url(outlet, at),
      title: firstSentence.slice(0, 140),
      text: paragraphs.join("\n\n"),
      kind: "news",
      outletName: outlet,
      author: this.rnd() < 0.5 ? `Redaksi ${outlet}` : undefined,
      publishedAt: new Date(at),
    };
  }

  private next(): RawItem {
    const r = this.rnd();
    const base = this.recent.length ? this.pick(this.recent) : null;
    let item: RawItem;
    if (base && r < 0.07) {
      this.mix.syndicated++;
      const outlet = this.pick(OUTLETS.filter((o) => o !== base.outletName));
      const paragraphs = base.text.split("\n\n");
      if (paragraphs.length > 2 && this.rnd() < 0.5) paragraphs.pop();
      else paragraphs.push(`Baca juga berita lain di ${outlet}.`);
      const at = Math.min((base.publishedAt as Date).getTime() + this.rnd() * 12 * 3_600_000, this.clock());
      item = {
        ...base,
        url: this.url(outlet, at),
        title: this.rnd() < 0.5 ? base.title : `${base.title} - ${outlet}`,
        text: this.mutate(paragraphs.join("\n\n"), 0.02),
        outletName: outlet,
        publishedAt: new Date(at),
      };
    } else if (base && r < 0.11) {
      this.mix.exactDuplicates++;
      // Verbatim from another outlet (same content hash) or the same link shared with other tracking tags.
      item =
        this.rnd() < 0.5
          ? { ...base, url: this.url(this.pick(OUTLETS), this.clock()) }
          : { ...base, url: base.url.replace(/\?.*$/, "?utm_source=twitter") };
    } else if (base && r < 0.12) {
      this.mix.updates++;
      item = { ...base, text: `${base.text}\n\nPembaruan: ${this.mutate(this.pick(this.corpus.sentences), 0.2)}` };
    } else {
      this.mix.originals++;
      item = this.original();
      if (this.recent.length >= RECENT) this.recent[this.produced % RECENT] = item;
      else this.recent.push(item);
    }
    this.produced++;
    return item;
  }

  /** The next `n` items (fewer at the end of the stream). */
  batch(n: number): RawItem[] {
    const out: RawItem[] = [];
    while (out.length < n && this.produced < this.total) out.push(this.next());
    return out;
  }
}
