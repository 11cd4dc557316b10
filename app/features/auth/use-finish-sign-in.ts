import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { type SessionView, storeSession } from "./session";

/** Stores the new session and continues to where the user wanted to go (or the home page). */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return async (session: SessionView, redirect?: string) => {
    storeSession(queryClient, session);
    // Caches from an earlier user in this tab must not leak into this one.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== "session" });
    if (redirect) await router.navigate({ href: redirect, replace: true });
    else await router.navigate({ to: "/", replace: true });
  };
}
