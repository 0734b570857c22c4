// Browser entry: Mantine (theme, styles), TanStack Query, TanStack Router. No inline script (CSP).
import "./zod-config";
import "@mantine/core/styles.css";
import "./app.css";
import "dayjs/locale/ja";
import { MantineProvider } from "@mantine/core";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import dayjs from "dayjs";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "./api/client";
import { sessionQuery } from "./auth/session";
import { createAppRouter } from "./router";
import { cssVariablesResolver, theme } from "./theme";
import { FlashProvider } from "./ui/Flash";

dayjs.locale("ja");

const SIGNED_OUT_PATHS = /^\/(login|setup|public)(\/|$)/;

const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      staleTime: 30_000,
      // 4xx answers will not change on retry; network trouble may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      // The session ran out while a page was open: go to the login page and come back afterwards.
      if (!(error instanceof ApiError) || error.status !== 401 || query.queryKey[0] === sessionQuery.queryKey[0]) return;
      const location = router.state.location;
      if (SIGNED_OUT_PATHS.test(location.pathname)) return;
      queryClient.setQueryData(sessionQuery.queryKey, { user: null, audiences: [], csrfToken: null, setupRequired: false });
      router.navigate({ to: "/login", search: { next: location.href, expired: true } });
    },
  }),
});

const router = createAppRouter(queryClient);

const container = document.getElementById("root");
if (!container) throw new Error("#root is missing from index.html");

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" forceColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <FlashProvider>
          <RouterProvider router={router} />
        </FlashProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
