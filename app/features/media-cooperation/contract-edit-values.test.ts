import { describe, expect, it } from "vitest";
import { updateContractBody } from "../../../common/schemas/media-cooperation";
import { changedFields, editValues } from "./contract-edit-values";

const contract = {
  number: "027/KS-MEDIA/1",
  title: "Publikasi program imunisasi",
  budgetLine: "5.1.02.02.01.0063",
  valueRupiah: 15_000_000,
  quota: 2,
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
};

describe("changedFields", () => {
  it("sends nothing for the untouched form", () => {
    expect(changedFields(contract, editValues(contract))).toEqual({});
  });

  it("sends only the corrected fields, trimmed and as numbers, in a body the server accepts", () => {
    const values = { ...editValues(contract), number: " 027/KS-MEDIA/2 ", valueRupiah: "20000000", quota: 3, title: `${contract.title} ` };
    const body = changedFields(contract, values);
    expect(body).toEqual({ number: "027/KS-MEDIA/2", valueRupiah: 20_000_000, quota: 3 });
    expect(updateContractBody.safeParse(body).success).toBe(true);
  });

  it("sends an emptied amount so the server names the field", () => {
    expect(changedFields(contract, { ...editValues(contract), valueRupiah: "" })).toEqual({ valueRupiah: 0 });
  });
});
