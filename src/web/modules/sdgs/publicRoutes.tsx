// The SDGs public pages (no sign-in) under the public site's layout: /public/sdgs (認証企業一覧) and
// /public/sdgs/check (認証の確認). Both are lazy chunks.
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

const PublicRegistryPage = lazyRouteComponent(() => import("./PublicRegistryPage"), "PublicRegistryPage");
const PublicCertificateCheckPage = lazyRouteComponent(() => import("./PublicCertificateCheckPage"), "PublicCertificateCheckPage");

export function publicSdgsRoutes(publicSite: Layouts["public"]) {
  const registryRoute = createRoute({ getParentRoute: () => publicSite, path: "public/sdgs", component: PublicRegistryPage });
  const checkRoute = createRoute({ getParentRoute: () => publicSite, path: "public/sdgs/check", component: PublicCertificateCheckPage });
  return [registryRoute, checkRoute] as const;
}
