import { describe, expect, it } from "vitest";
import type { Actor } from "../../policies/core";
import { mediaContractPolicy, mediaCooperationSettingsPolicy } from "./media-cooperation.policy";

const actor = (role: Actor["grants"][number]["role"], path: string): Actor => ({
  kind: "user",
  userId: "u",
  name: "U",
  grants: [{ organizationId: "x", path, role }],
});
const contractOfOpdA = { path: "/prov/opd-a/" };

describe("media contract policy", () => {
  it("lets the agency's own editors and officers manage, the coordinator only read, and only editors override", () => {
    expect(mediaContractPolicy.abilities(actor("officer", "/prov/opd-a/"), contractOfOpdA)).toEqual({
      read: true,
      manage: true,
      override: false,
    });
    expect(mediaContractPolicy.abilities(actor("editor", "/prov/opd-a/"), contractOfOpdA)).toEqual({
      read: true,
      manage: true,
      override: true,
    });
    expect(mediaContractPolicy.abilities(actor("coordinator", "/prov/"), contractOfOpdA)).toEqual({
      read: true,
      manage: false,
      override: false,
    });
    expect(mediaContractPolicy.abilities(actor("viewer", "/prov/opd-a/"), contractOfOpdA)).toEqual({
      read: true,
      manage: false,
      override: false,
    });
    // Another agency holds no role on OPD A's subtree at all.
    expect(mediaContractPolicy.abilities(actor("editor", "/prov/opd-b/"), contractOfOpdA)).toEqual({
      read: false,
      manage: false,
      override: false,
    });
  });

  it("keeps the forms and eligibility rules with administrators and coordinators", () => {
    expect(mediaCooperationSettingsPolicy.can(actor("coordinator", "/prov/"), "manage", contractOfOpdA)).toBe(true);
    expect(mediaCooperationSettingsPolicy.can(actor("editor", "/prov/opd-a/"), "manage", contractOfOpdA)).toBe(false);
  });
});
