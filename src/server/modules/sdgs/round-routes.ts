// Routes of 募集回と審査基準: each calls one service function, which authorises inside it.
import * as api from "../../../common/api/sdgs-rounds";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as rounds from "./round-service";

export function registerRoundRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listSdgsRounds, (_input, { user }) => rounds.listRounds(db, user));
  router.on(api.createSdgsRound, ({ body }, { user, actor }) => rounds.createRound(db, user, actor, body));
  router.on(api.getSdgsRound, ({ params }, { user }) => rounds.getRound(db, user, params.id));
  router.on(api.updateSdgsRound, ({ params, body }, { user, actor }) => rounds.updateRound(db, user, actor, params.id, body));
  router.on(api.scoreSdgsRound, ({ params }, { user, actor }) => rounds.scoreRoundNow(db, user, actor, params.id));
  router.on(api.deleteSdgsRound, ({ params }, { user, actor }) => rounds.deleteRound(db, user, actor, params.id));
}
