import { describe, expect, it } from "vitest";
import { isPermanentFailure, parseBounce } from "./dsn";

const postfixBounce = [
  "From: MAILER-DAEMON@mx.example.net (Mail Delivery System)",
  "Subject: Undelivered Mail Returned to Sender",
  "MIME-Version: 1.0",
  "Content-Type: multipart/report; report-type=delivery-status;",
  '\tboundary="8F2C.1732260000/mx.example.net"',
  "",
  "--8F2C.1732260000/mx.example.net",
  "Content-Type: text/plain; charset=us-ascii",
  "",
  "I'm sorry to have to inform you that your message could not be delivered.",
  "",
  "--8F2C.1732260000/mx.example.net",
  "Content-Type: message/delivery-status",
  "",
  "Reporting-MTA: dns; mx.example.net",
  "Arrival-Date: Sun, 22 Nov 2026 07:00:00 +0700 (WIB)",
  "",
  "Final-Recipient: rfc822; Budi@Example.com",
  "Original-Recipient: rfc822;budi@example.com",
  "Action: failed",
  "Status: 5.1.1",
  "Diagnostic-Code: smtp; 550 5.1.1 <budi@example.com>: Recipient address",
  "    rejected: User unknown in virtual mailbox table",
  "",
  "--8F2C.1732260000/mx.example.net",
  "Content-Type: message/rfc822",
  "",
  "From: Dinkes <humas@sinergi.test>",
  "To: budi@example.com",
  "Message-ID: <0193a1b2-0000-7000-8000-000000000001@sinergi.test>",
  "Subject: Siaran pers",
  "",
  "Yth. Bapak/Ibu Budi,",
  "--8F2C.1732260000/mx.example.net--",
  "",
].join("\r\n");

describe("DSN parser (RFC 3464)", () => {
  it("reads the failed recipient, status, folded diagnostic and the original Message-ID", () => {
    const b = parseBounce(postfixBounce);
    expect(b).toEqual({
      originalMessageId: "0193a1b2-0000-7000-8000-000000000001@sinergi.test",
      recipients: [
        {
          finalRecipient: "budi@example.com",
          action: "failed",
          status: "5.1.1",
          diagnostic: "550 5.1.1 <budi@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
        },
      ],
    });
    expect(isPermanentFailure(b?.recipients[0] as never)).toBe(true);
  });

  it("tells a delay report from a failure, and decodes a base64 status part", () => {
    const status = Buffer.from(
      "Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; a@b.test\r\nAction: delayed\r\nStatus: 4.4.7\r\n",
    ).toString("base64");
    const raw = [
      'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
      "",
      "--x",
      "Content-Type: message/delivery-status",
      "Content-Transfer-Encoding: base64",
      "",
      status,
      "--x--",
    ].join("\n");
    const b = parseBounce(raw);
    expect(b?.recipients).toEqual([{ finalRecipient: "a@b.test", action: "delayed", status: "4.4.7", diagnostic: null }]);
    expect(b?.originalMessageId).toBeNull();
    expect(isPermanentFailure(b?.recipients[0] as never)).toBe(false);
  });

  it("returns null for an ordinary message (an auto-reply is not a bounce)", () => {
    expect(parseBounce("Subject: Out of office\r\n\r\nSaya sedang cuti.")).toBeNull();
  });
});
