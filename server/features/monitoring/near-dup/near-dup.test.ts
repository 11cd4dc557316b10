import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../classifier/rng";
import { containment, DEFAULT_THRESHOLD, fingerprint, jaccard, NearDupIndex, similarity } from "./index";

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const articles = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(FIXTURES, f), "utf8"));

const paragraphs = (text: string) => text.split(/\n+/).filter((p) => p.trim());

/** The ways a syndicating site changes a story. */
const COPIES: Record<string, (text: string) => string> = {
  "edited lead": (text) => {
    const [, ...rest] = paragraphs(text);
    return ["JAKARTA, SinergiNews.id – Sebuah kegiatan penting bagi para pegiat kehumasan digelar pekan ini.", ...rest].join("\n");
  },
  "added boilerplate": (text) =>
    [
      "Baca juga: Harga cabai naik jelang akhir tahun | Jadwal SIM keliling hari ini",
      text,
      "Editor: Redaksi. Ikuti berita terkini dari kami di Google News, WhatsApp Channel dan Instagram.",
      "Copyright © 2024 SinergiNews.id. Seluruh hak cipta dilindungi undang-undang.",
    ].join("\n"),
  truncated: (text) => text.slice(0, Math.floor(text.length * 0.6)),
  "lead + boilerplate + light edits": (text) => {
    const rnd = seededRandom(text.length);
    const edited = paragraphs(text)
      .slice(1)
      .join("\n")
      .split(" ")
      // re-typing: about one word in 25 changed or dropped
      .map((w) => (rnd() < 0.02 ? "" : rnd() < 0.02 ? `${w.toUpperCase()}nya` : w))
      .join(" ");
    return `Berita daerah — ${edited}\nSimak berita lainnya di kanal kami.`;
  },
};

describe("fingerprint and similarity", () => {
  it("estimates Jaccard within the expected error", () => {
    for (const a of articles) {
      for (const make of Object.values(COPIES)) {
        const copy = make(a);
        const exact = jaccard(a, copy);
        // σ ≤ 0.044 at 128 hashes: allow about 3σ
        expect(Math.abs(similarity(fingerprint(a), fingerprint(copy)) - exact)).toBeLessThan(0.14);
      }
    }
  });

  it("is 1 for the same text however it is typed, 0 for empty text", () => {
    const a = articles[0];
    expect(similarity(fingerprint(a), fingerprint(a.toUpperCase().replace(/,/g, " ,")))).toBe(1);
    expect(similarity(fingerprint(""), fingerprint(a))).toBe(0);
    expect(fingerprint("satu dua").shingles).toBe(1);
  });

  it("scores every synthetic copy above the threshold and every unrelated pair below it", () => {
    const copyScores: number[] = [];
    const unrelatedScores: number[] = [];
    articles.forEach((a, i) => {
      for (const make of Object.values(COPIES)) {
        copyScores.push(similarity(fingerprint(a), fingerprint(make(a))));
        articles.forEach((b, j) => {
          if (j !== i) unrelatedScores.push(similarity(fingerprint(b), fingerprint(make(a))));
        });
      }
      articles.forEach((b, j) => {
        if (j > i) unrelatedScores.push(similarity(fingerprint(a), fingerprint(b)));
      });
    });
    expect(Math.min(...copyScores)).toBeGreaterThanOrEqual(0.4);
    expect(Math.max(...unrelatedScores)).toBeLessThan(0.1);
  });
});

describe("NearDupIndex", () => {
  it("finds the original of each copy and nothing unrelated", () => {
    const index = new NearDupIndex<string>();
    articles.forEach((a, i) => {
      index.add(`seed-${i}`, fingerprint(a));
    });
    expect(index.size).toBe(articles.length);
    articles.forEach((a, i) => {
      for (const [how, make] of Object.entries(COPIES)) {
        const found = index.query(fingerprint(make(a)));
        expect(
          found.map((m) => m.id),
          how,
        ).toEqual([`seed-${i}`]);
        expect(found[0].similarity).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      }
    });
  });

  it("groups copies with each other when only copies are indexed", () => {
    const index = new NearDupIndex<string>();
    articles.forEach((a, i) => {
      for (const [how, make] of Object.entries(COPIES)) index.add(`${i}/${how}`, fingerprint(make(a)));
    });
    articles.forEach((a, i) => {
      const ids = index.query(fingerprint(a)).map((m) => m.id);
      expect(ids.sort()).toEqual(
        Object.keys(COPIES)
          .map((how) => `${i}/${how}`)
          .sort(),
      );
    });
  });

  it("replaces, removes and ignores empty texts", () => {
    const index = new NearDupIndex<number>({ bands: 32, rows: 4, threshold: 0.5 });
    index.add(1, fingerprint(articles[0]));
    index.add(1, fingerprint(articles[1]));
    expect(index.query(fingerprint(articles[0]))).toEqual([]);
    expect(index.query(fingerprint(articles[1]))).toEqual([{ id: 1, similarity: 1 }]);
    index.remove(1);
    expect(index.size).toBe(0);
    expect(index.query(fingerprint(articles[1]))).toEqual([]);
    index.add(2, fingerprint("  "));
    expect(index.size).toBe(0);
    expect(() => new NearDupIndex({ bands: 64, rows: 4 })).toThrow(RangeError);
  });
});

describe("containment", () => {
  it("measures how much of a release an article used", () => {
    const release = articles[3];
    const paras = paragraphs(release);
    const half = paras.slice(0, Math.ceil(paras.length / 2)).join("\n");
    // An article quoting the first half of the release inside its own reporting.
    const pickup = `${articles[4].slice(0, 800)}\n${half}\nWartawan kami mencoba menghubungi pihak terkait.`;
    const used = containment(release, pickup);
    const share = half.length / release.length;
    expect(used).toBeGreaterThan(share - 0.15);
    expect(used).toBeLessThan(share + 0.15);
    expect(containment(release, release)).toBe(1);
    expect(containment(release, COPIES["added boilerplate"](release))).toBe(1);
    // Jaccard drops for the same pickup: containment is the right measure for it.
    expect(jaccard(release, pickup)).toBeLessThan(used);
  });

  it("stays near zero for unrelated articles on the same topic", () => {
    for (let i = 0; i < articles.length; i++) {
      for (let j = 0; j < articles.length; j++) if (i !== j) expect(containment(articles[i], articles[j])).toBeLessThan(0.08);
    }
    expect(containment("", articles[0])).toBe(0);
  });
});
