import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelConnection } from "../../../common/schemas/channels";
import { channelAccounts, emails, notifications } from "../../db/schema";
import { createTree, createUser } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { createChannel } from "./commands/write-channel";
import { checkChannels } from "./jobs/check-channels.job";
import { connections, contextFor, type Fakes, startFakes } from "./test-fixtures";

let server: TestServer;
let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
  server = await startTestServer({ env: fakes.env });
});
afterAll(async () => {
  await server?.close();
  await fakes?.close();
});

const HOUR = 3_600_000;

async function setup(tokenExpiresAt: Date | null) {
  const tree = await createTree(server.services);
  const creator = await contextFor(server.services, tree.opdA, "editor");
  const otherEditor = await createUser(server.services, [{ org: tree.opdA, role: "editor" }]);
  const officer = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const outsider = await createUser(server.services, [{ org: tree.opdB, role: "editor" }]);
  const id = await server.services.db.transaction((tx) =>
    createChannel(tx, creator, {
      organizationId: tree.opdA.id,
      name: "Kanal Dinkes",
      tokenExpiresAt: tokenExpiresAt?.toISOString() ?? null,
      connection: connections(fakes).telegram as ChannelConnection,
    }),
  );
  const people = [creator.userId, otherEditor.id, officer.id, outsider.id];
  const alerts = () =>
    server.services.db.select().from(notifications).where(inArray(notifications.userId, people)).orderBy(notifications.createdAt);
  return { tree, id, creator, otherEditor, officer, outsider, alerts };
}

describe("alerts before a scheduled post fails", () => {
  it("warns the creator and the editors once a day while a token is about to expire", async () => {
    const now = new Date();
    const s = await setup(new Date(now.getTime() + 3 * 24 * HOUR));
    await checkChannels(server.services, now);
    const first = await s.alerts();
    expect(first.map((n) => n.userId).sort()).toEqual([s.creator.userId, s.otherEditor.id].sort());
    expect(first[0]).toMatchObject({
      kind: "channel_expiring",
      organizationId: s.tree.opdA.id,
      link: "/app/channels",
      title: "Token kanal Kanal Dinkes segera kedaluwarsa",
    });
    expect(first[0].body).toContain("Hubungkan ulang akun sebelum tanggal itu");
    const [account] = await server.services.db.select().from(channelAccounts).where(eq(channelAccounts.id, s.id));
    expect(account.lastCheckedAt).not.toBeNull();
    const mails = await server.services.db
      .select()
      .from(emails)
      .where(and(eq(emails.organizationId, s.tree.opdA.id), eq(emails.subject, "Kanal Kanal Dinkes (Telegram) perlu ditindaklanjuti")));
    expect(mails).toHaveLength(2);
    expect(mails[0].text).toContain(`${server.services.publicUrl}/app/channels`);

    // Hourly runs the same day add nothing; a day later each person is reminded once more.
    await checkChannels(server.services, new Date(now.getTime() + HOUR));
    await checkChannels(server.services, new Date(now.getTime() + 13 * HOUR));
    expect(await s.alerts()).toHaveLength(2);
    await checkChannels(server.services, new Date(now.getTime() + 25 * HOUR));
    expect(await s.alerts()).toHaveLength(4);
  });

  it("reports an account whose check fails, in plain words", async () => {
    const s = await setup(null);
    fakes.telegram.fail({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } }, "getMe");
    await checkChannels(server.services, new Date());
    const got = await s.alerts();
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ kind: "channel_error", title: "Kanal Kanal Dinkes bermasalah" });
    expect(got[0].body).toBe(
      "Token kanal tidak berlaku; hubungkan ulang akun. Periksa akun di halaman Kanal sebelum ada kiriman terjadwal yang gagal.",
    );
    const [account] = await server.services.db.select().from(channelAccounts).where(eq(channelAccounts.id, s.id));
    expect(account.status).toBe("error");
  });

  it("leaves healthy, recently checked accounts alone", async () => {
    const s = await setup(new Date(Date.now() + 60 * 24 * HOUR));
    await checkChannels(server.services, new Date());
    expect(await s.alerts()).toHaveLength(0);
    const requests = fakes.telegram.requests.length;
    await checkChannels(server.services, new Date(Date.now() + HOUR));
    // Checked less than 12 hours ago and far from expiry: not even asked.
    expect(fakes.telegram.requests.length).toBe(requests);
  });
});
