// Keeps the page's schema.org JSON-LD in the document's head while the page is shown. The server writes it into the
// head of a page it answers (ogp-head.ts); moving between items inside the app replaces it, and leaving removes it,
// so the head always describes the item on screen. A data block (type application/ld+json) is never run as script.
import { useEffect } from "react";
import type { JsonLd } from "../../../common/region/schema-org";

export function useJsonLd(data: JsonLd | null): void {
  const text = data ? JSON.stringify(data) : null;
  useEffect(() => {
    if (!text) return;
    for (const old of document.head.querySelectorAll('script[type="application/ld+json"]')) old.remove();
    const script = document.createElement("script");
    script.type = "application/ld+json";
    script.textContent = text;
    document.head.appendChild(script);
    return () => script.remove();
  }, [text]);
}
