import { describe, expect, it } from "vitest";
import { tokenizeId } from "./tokenize-id";
import { normalizedText, searchTokens, tokenizeDoc, tokenizeSentences } from "./tokenized-doc";

describe("search tokens", () => {
  it("keeps numbers for search while the classifiers still fold them", () => {
    expect(tokenizeId("Perda No 5 tahun 2024")).toEqual(["perda", "no", "0", "tahun", "0"]);
    expect(searchTokens("Perda No. 5 tahun 2024!")).toEqual(["perda", "no", "5", "tahun", "2024"]);
  });

  it("normalises like the classifiers and drops punctuation from positions", () => {
    const doc = tokenizeDoc("Banjir, yg parah!! Hati2 ya.");
    expect(doc.tokens).toEqual(["banjir", "yang", "parah", "hati-hati", "ya"]);
    expect(doc.index.get("parah")).toEqual([2]);
    expect(normalizedText(doc)).toBe("banjir yang parah hati-hati ya");
  });

  it("records the sentence of every token", () => {
    const doc = tokenizeSentences("Hujan deras sejak pagi. Banjir merendam Denpasar.");
    expect(doc.sentences).toHaveLength(2);
    expect([...doc.sentenceOf]).toEqual([0, 0, 0, 0, 1, 1, 1]);
  });
});
