// 経営分析: the routes of the figure part — a subject's yearly figures (entry per year, deletion of a year, Excel/CSV
// import and its template) and its indicators. Each route parses its input (the contract) and calls one service
// function, which authorises inside it.
import * as api from "../../../common/api/analysis-figures";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { figuresTemplate, importSubjectFigures } from "./figure-import";
import * as figures from "./figure-service";
import { getSubjectIndicators } from "./indicator-service";

export function registerFigureRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.getSubjectFigures, ({ params }, { user }) => figures.getSubjectFigures(db, user, params.id));
  // before /:fiscalYear, so that "template" is never read as a year
  router.on(api.figuresTemplate, ({ params }, { user }) => figuresTemplate(db, user, params.id));
  router.on(api.putYearFigures, ({ params, body }, { user, actor }) =>
    figures.putYearFigures(db, user, actor, params.id, params.fiscalYear, body),
  );
  router.on(api.deleteYearFigures, ({ params, query }, { user, actor }) =>
    figures.deleteYearFigures(db, user, actor, params.id, params.fiscalYear, query.stamp),
  );
  router.on(api.importSubjectFigures, async ({ params }, { user, actor, c }) =>
    importSubjectFigures(db, user, actor, params.id, (await readForm(c)).file),
  );
  router.on(api.getSubjectIndicators, ({ params, query }, { user }) => getSubjectIndicators(db, user, params.id, query));
}
