/** The edit form's values and the PATCH body made from them (pure, so it is unit-tested). */
import type { ContractView, UpdateContractInput } from "./media-cooperation-api";

export interface ContractEditValues {
  number: string;
  title: string;
  budgetLine: string;
  /** Mantine's NumberInput holds "" while the field is empty. */
  valueRupiah: number | string;
  quota: number | string;
  periodStart: string;
  periodEnd: string;
}

type Editable = Pick<ContractView, keyof ContractEditValues>;

export const editValues = (c: Editable): ContractEditValues => ({
  number: c.number,
  title: c.title,
  budgetLine: c.budgetLine,
  valueRupiah: c.valueRupiah,
  quota: c.quota,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
});

/**
 * Only the fields that differ from the contract, typed as the API wants them: the audit then
 * records just the correction. An emptied number field is sent (as 0) so the server names it.
 */
export function changedFields(c: Editable, v: ContractEditValues): UpdateContractInput {
  const next = {
    number: v.number.trim(),
    title: v.title.trim(),
    budgetLine: v.budgetLine.trim(),
    valueRupiah: Number(v.valueRupiah),
    quota: Number(v.quota),
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
  };
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => value !== c[k as keyof Editable]));
}
