// Short confirmations ("保存しました。") shown in a polite live region at the bottom right of the page.
import { Alert, CloseButton, Group } from "@mantine/core";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { m } from "../messages";

interface FlashApi {
  show: (message: string, tone?: "success" | "info") => void;
}

const FlashContext = createContext<FlashApi>({ show: () => {} });

export function useFlash(): FlashApi {
  return useContext(FlashContext);
}

export function FlashProvider({ children }: { children: ReactNode }) {
  const [flash, setFlash] = useState<{ message: string; tone: "success" | "info"; id: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const show = useCallback((message: string, tone: "success" | "info" = "success") => {
    if (timer.current) clearTimeout(timer.current);
    setFlash({ message, tone, id: Date.now() });
    timer.current = setTimeout(() => setFlash(null), 8000);
  }, []);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <FlashContext.Provider value={api}>
      <div className="yk-flash" role="status" aria-live="polite">
        {flash && (
          <Alert
            key={flash.id}
            variant="filled"
            className="yk-flash-alert"
            styles={{
              root: { background: flash.tone === "success" ? "#1e5631" : "#0b3d91", color: "#fff" },
              message: { color: "#fff" },
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <span>{flash.message}</span>
              <CloseButton aria-label={m.common.close} onClick={() => setFlash(null)} c="white" />
            </Group>
          </Alert>
        )}
      </div>
      {children}
    </FlashContext.Provider>
  );
}
