/** Calls of the signed-out flows; all of them may answer 401/429 with a message to show. */
import type { z } from "zod";
import type { invitationView } from "../../../common/schemas/auth";
import { api } from "../../api/client";
import type { SessionView } from "./session";

export type LoginResult = SessionView | { twoFactorRequired: true; csrfToken: string };
export type InvitationView = z.infer<typeof invitationView>;

export function isTwoFactorStep(result: LoginResult): result is { twoFactorRequired: true; csrfToken: string } {
  return "twoFactorRequired" in result && result.twoFactorRequired === true;
}

const open = { allowUnauthorized: true } as const;

export const authApi = {
  login: (body: { email: string; password: string }) => api<LoginResult>("/auth/login", { method: "POST", body, ...open }),
  twoFactor: (code: string) => api<SessionView>("/auth/two-factor", { method: "POST", body: { code }, ...open }),
  requestReset: (email: string) => api<void>("/auth/password-reset/request", { method: "POST", body: { email }, ...open }),
  confirmReset: (body: { token: string; password: string }) => api<void>("/auth/password-reset/confirm", { method: "POST", body, ...open }),
  invitation: (token: string) => api<InvitationView>(`/invitations/${encodeURIComponent(token)}`, open),
  acceptInvitation: (token: string, body: { name: string; password: string }) =>
    api<SessionView>(`/invitations/${encodeURIComponent(token)}/accept`, { method: "POST", body, ...open }),
};
