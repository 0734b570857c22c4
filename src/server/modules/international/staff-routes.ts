// Route of the 国際 module's staff look-up (the pickers of travellers and action owners).
import * as api from "../../../common/api/international-staff";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { lookupStaff } from "./staff-lookup";

export function registerStaffRoutes(router: ApiRouter, deps: AppDeps): void {
  router.on(api.lookupStaff, ({ query }, { user }) => lookupStaff(deps.db, user, query));
}
