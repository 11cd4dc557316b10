import { and, count, eq } from "drizzle-orm";
import { deliverableLink } from "../../../../common/schemas/media-cooperation";
import type { Executor } from "../../../db/client";
import { mediaContracts, mediaDeliverables } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { safeFileName } from "../../../lib/checked-upload";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import type { ContractRow } from "../contract-queries";
import { mediaContractPolicy } from "../media-cooperation.policy";
import { assertActive } from "./pay-term";
import { checkProofUpload } from "./stored-upload";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DeliverableInput {
  title: string;
  publishedOn: string;
  link: string | null;
  clipping: { data: Buffer; fileName: string } | null;
  screenshot: { data: Buffer; fileName: string } | null;
}

function checkFields(contract: ContractRow, input: DeliverableInput) {
  if (input.title.length < 3) throw fieldError("title", "field_too_short", { min: 3 });
  if (input.title.length > 300) throw fieldError("title", "field_too_long", { max: 300 });
  if (!ISO_DATE.test(input.publishedOn) || Number.isNaN(Date.parse(input.publishedOn))) throw fieldError("publishedOn", "field_format");
  if (input.publishedOn < contract.periodStart || input.publishedOn > contract.periodEnd) {
    throw fieldError("publishedOn", "media_deliverable_outside_period", { from: contract.periodStart, to: contract.periodEnd });
  }
  // Only the form is checked: the link is proof to click, never fetched by the server.
  if (input.link !== null && !deliverableLink.safeParse(input.link).success) throw fieldError("link", "media_deliverable_link");
  if (!input.link && !input.clipping) throw fieldError("link", "media_deliverable_proof_required");
}

/**
 * Records one publication against the contract's quota. The contract row is locked first so
 * two uploads at once cannot both take the last slot, and the checks use the quota, period and
 * status as they are under the lock: an edit committed meanwhile (a lower quota, a shorter
 * period, a closed contract) is what counts, not what was read before.
 */
export async function addDeliverable(tx: Executor, ctx: CommandContext, loaded: ContractRow, input: DeliverableInput) {
  const actor = actorRequired(ctx);
  mediaContractPolicy.authorize(actor, "manage", loaded);
  const [locked] = await tx
    .select({
      status: mediaContracts.status,
      quota: mediaContracts.quota,
      periodStart: mediaContracts.periodStart,
      periodEnd: mediaContracts.periodEnd,
    })
    .from(mediaContracts)
    .where(eq(mediaContracts.id, loaded.id))
    .for("update");
  const contract: ContractRow = { ...loaded, ...locked };
  assertActive(contract);
  checkFields(contract, input);
  const [{ n }] = await tx.select({ n: count() }).from(mediaDeliverables).where(eq(mediaDeliverables.contractId, contract.id));
  if (n >= contract.quota) throw new AppError(409, "media_deliverable_over_quota", { delivered: n, quota: contract.quota });

  const id = newId();
  const clipping = input.clipping ? await checkProofUpload(input.clipping.data) : null;
  const screenshot = input.screenshot
    ? await checkProofUpload(input.screenshot.data, true).catch((err) => {
        if (err instanceof AppError && err.status === 415) throw fieldError("screenshot", "media_deliverable_screenshot_image", {}, 415);
        throw err;
      })
    : null;
  const prefix = `media-contracts/${contract.id}/deliverables/${id}`;
  const clippingKey = clipping ? `${prefix}-kliping.${clipping.ext}` : null;
  const screenshotKey = screenshot ? `${prefix}-layar.${screenshot.ext}` : null;
  if (clipping && clippingKey) await ctx.services.files.put(clippingKey, clipping.data);
  if (screenshot && screenshotKey) await ctx.services.files.put(screenshotKey, screenshot.data);
  const clippingName = input.clipping && clipping ? safeFileName(input.clipping.fileName, `kliping.${clipping.ext}`) : null;
  await tx.insert(mediaDeliverables).values({
    id,
    contractId: contract.id,
    title: input.title,
    publishedOn: input.publishedOn,
    link: input.link,
    clippingKey,
    clippingName,
    clippingMime: clipping?.mime ?? null,
    screenshotKey,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "media_contract.deliverable_add",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    after: {
      deliverableId: id,
      title: input.title,
      publishedOn: input.publishedOn,
      link: input.link,
      clippingName,
      screenshot: Boolean(screenshot),
    },
  });
  return id;
}

export async function removeDeliverable(tx: Executor, ctx: CommandContext, contract: ContractRow, deliverableId: string) {
  mediaContractPolicy.authorize(actorRequired(ctx), "manage", contract);
  assertActive(contract);
  const [row] = await tx
    .delete(mediaDeliverables)
    .where(and(eq(mediaDeliverables.id, deliverableId), eq(mediaDeliverables.contractId, contract.id)))
    .returning();
  if (!row) throw new AppError(404, "not_found");
  await recordAudit(tx, ctx, {
    action: "media_contract.deliverable_remove",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    before: { deliverableId, title: row.title, publishedOn: row.publishedOn, link: row.link },
  });
  return [row.clippingKey, row.screenshotKey].filter((k): k is string => Boolean(k));
}

/** The clipping or screenshot of a deliverable, after the read check (the contract is visible). */
export async function deliverableFile(db: Executor, contract: ContractRow, deliverableId: string, which: "clipping" | "screenshot") {
  const [row] = await db
    .select()
    .from(mediaDeliverables)
    .where(and(eq(mediaDeliverables.id, deliverableId), eq(mediaDeliverables.contractId, contract.id)));
  const key = which === "clipping" ? row?.clippingKey : row?.screenshotKey;
  if (!row || !key) throw new AppError(404, "not_found");
  return which === "clipping"
    ? { key, mime: row.clippingMime ?? "application/octet-stream", fileName: row.clippingName ?? "kliping" }
    : { key, mime: "image/jpeg", fileName: `tangkapan-layar-${row.publishedOn}.jpg` };
}
