// Region: 連携事業 — joint projects with status, budgets, funding sources, indicators, internal steps and yearly reports.
import * as api from "../../../common/api/region-projects";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportProjects, exportYearlyReport } from "./project-export";
import * as projects from "./project-service";

export function registerProjectRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listProjects, ({ query }, { user }) => projects.listProjects(db, user, query));
  // before /:id, so that "export", "yearly-report" and "indicator-choices" are never read as an id
  router.on(api.exportProjects, ({ query }, { user, actor }) => exportProjects(db, user, actor, query));
  router.on(api.exportYearlyReport, ({ query }, { user, actor }) => exportYearlyReport(db, user, actor, query));
  router.on(api.listIndicatorChoices, (_, { user }) => projects.listIndicatorChoices(db, user));
  router.on(api.createProject, ({ body }, { user, actor }) => projects.createProject(db, user, actor, body));
  router.on(api.getProject, ({ params }, { user }) => projects.getProject(db, user, params.id));
  router.on(api.updateProject, ({ params, body }, { user, actor }) => projects.updateProject(db, user, actor, params.id, body));
  router.on(api.changeProjectStatus, ({ params, body }, { user, actor }) => projects.changeStatus(db, user, actor, params.id, body));
  router.on(api.putProjectBudget, ({ params, body }, { user, actor }) =>
    projects.putBudget(db, user, actor, params.id, params.fiscalYear, body),
  );
  router.on(api.deleteProjectBudget, ({ params }, { user, actor }) => projects.deleteBudget(db, user, actor, params.id, params.fiscalYear));
  router.on(api.putProjectIndicators, ({ params, body }, { user, actor }) =>
    projects.setIndicators(db, user, actor, params.id, body.indicatorIds),
  );
  router.on(api.addProjectStep, ({ params, body }, { user, actor }) => projects.addStep(db, user, actor, params.id, body));
  router.on(api.updateProjectStep, ({ params, body }, { user, actor }) =>
    projects.updateStep(db, user, actor, params.id, params.stepId, body),
  );
  router.on(api.deleteProjectStep, ({ params }, { user, actor }) => projects.deleteStep(db, user, actor, params.id, params.stepId));
  router.on(api.addStepRound, ({ params, body }, { user, actor }) =>
    projects.addStepRound(db, user, actor, params.id, params.stepId, body),
  );
  router.on(api.putProjectReport, ({ params, body }, { user, actor }) =>
    projects.putReport(db, user, actor, params.id, params.fiscalYear, body),
  );
  router.on(api.uploadReportFile, async ({ params }, { user, actor, c }) =>
    projects.uploadReportFile(db, user, actor, params.id, params.fiscalYear, (await readForm(c)).file),
  );
  router.on(api.downloadReportFile, ({ params }, { user, actor }) =>
    projects.downloadReportFile(db, user, actor, params.id, params.fiscalYear),
  );
}
