import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_JOBS } from "../bootstrap";
import { emails } from "../db/schema";
import { createMailer } from "../features/email/mailer";
import { queueEmail } from "../features/email/queue-email";
import { startSmtpServer } from "../test/smtp-fixture";
import { startTestServer, type TestServer } from "../test/test-server";
import { JobQueue } from "./queue";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe("job queue (pg-boss on the test database)", () => {
  it("delivers a queued email through a worker and marks it sent", async () => {
    const queue = new JobQueue(
      server.services.database,
      { mode: "pgboss", work: true, schedule: false, connectionString: server.services.database.url },
      server.services.logger,
    );
    queue.register(ALL_JOBS);
    const services = { ...server.services, jobs: queue, mailer: createMailer(smtp.url, "Sinergi <no-reply@uji.go.id>") };
    await queue.start(services);
    try {
      const id = await server.services.db.transaction((tx) =>
        queueEmail(tx, { to: "antrian@uji.go.id", subject: "Uji antrian", text: "Halo dari pg-boss" }),
      );
      await queue.enqueue("email.send", { emailId: id });
      const mail = await smtp.waitFor("antrian@uji.go.id", 20_000);
      expect(mail.text).toContain("Halo dari pg-boss");
      for (let i = 0; i < 50; i++) {
        const [row] = await server.services.db.select().from(emails).where(eq(emails.id, id));
        if (row.status === "sent") break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [row] = await server.services.db.select().from(emails).where(eq(emails.id, id));
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(1);
    } finally {
      await queue.stop();
    }
  });

  it("rejects a payload that does not match the job's schema", async () => {
    await expect(server.services.jobs.enqueue("email.send", { emailId: "nope" })).rejects.toThrow();
  });
});
