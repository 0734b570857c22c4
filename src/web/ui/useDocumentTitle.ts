import { useEffect } from "react";
import { SYSTEM_NAME, SYSTEM_NAME_EN } from "../messages";

/** Sets <title> to "ページ名 | 横串 Yokogushi" while the page is shown. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} | ${SYSTEM_NAME} ${SYSTEM_NAME_EN}` : `${SYSTEM_NAME} ${SYSTEM_NAME_EN}`;
  }, [title]);
}
