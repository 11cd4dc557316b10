/** Entry point: providers, router, and the global "401 means sign in again" rule. */
import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { isApiError, setUnauthorizedHandler } from "./api/client";
import { ConfirmProvider } from "./components/confirm-provider";
import { clearSession } from "./features/auth/session";
import { i18nReady } from "./i18n";
import { createAppRouter } from "./router";
import { theme } from "./theme";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not fix itself; retry only network and server hiccups, once.
      retry: (count, error) => count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

const PUBLIC_PATHS = ["/sign-in", "/forgot-password", "/reset-password", "/accept-invitation"];

// Any 401 outside the public pages means the session ended (expired, revoked elsewhere):
// forget it and go to sign-in, remembering where the user was.
setUnauthorizedHandler(() => {
  const location = router.state.location;
  if (PUBLIC_PATHS.includes(location.pathname)) return;
  clearSession(queryClient);
  void router.navigate({ to: "/sign-in", search: { redirect: location.href }, replace: true });
});

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("#root missing from index.html");

// English lives in its own chunk (app/i18n): wait for the starting language before painting.
void i18nReady.then(() =>
  createRoot(rootElement).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <ConfirmProvider>
            <RouterProvider router={router} />
          </ConfirmProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  ),
);
