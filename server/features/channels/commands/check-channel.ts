import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { channelAccounts } from "../../../db/schema";
import type { Services } from "../../../services";
import { openAccount } from "../account-secrets";
import type { CheckResult } from "../connectors/connector";
import { failedCheck } from "../connectors/platform-error";
import { connectorFor } from "../connectors/registry";

export interface CheckTarget {
  id: string;
  name: string;
  platform: string;
  config: Record<string, string>;
  secretEnc: string | null;
}

/**
 * Asks the platform whether the account still works. Runs outside any transaction: a slow
 * platform must not hold a database connection (or the embedded database's only one).
 */
export async function probeChannel(services: Services, account: CheckTarget): Promise<CheckResult> {
  try {
    return await connectorFor(services.env, account.platform).check(openAccount(services.env, account));
  } catch (err) {
    return failedCheck(err);
  }
}

/** Stores a check's outcome on the account: status, last error, expiry when the platform told. */
export async function storeCheck(tx: Executor, accountId: string, result: CheckResult) {
  await tx
    .update(channelAccounts)
    .set({
      status: result.ok ? "active" : "error",
      lastError: result.ok ? null : (result.error ?? "Pemeriksaan koneksi gagal."),
      lastCheckedAt: sql`now()`,
      ...(result.expiresAt !== undefined ? { tokenExpiresAt: result.expiresAt } : {}),
    })
    .where(eq(channelAccounts.id, accountId));
}
