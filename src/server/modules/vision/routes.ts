// HTTP handlers of the vision module's core: parse input (contracts), check access, call the service, shape output.
import * as api from "../../../common/api/vision";
import { recordAudit } from "../../platform/audit/audit";
import { NotFound } from "../../platform/errors";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { accessOf, requireManager, requireUpdate } from "./access";
import { addActual, listActuals } from "./actuals";
import { visibleRound } from "./council";
import { dashboard, indicatorSeries } from "./dashboard";
import { engagementAccessOf } from "./engagement-access";
import { putRule, roundGrades, ruleVersions } from "./grades";
import { createIndicator, indicatorDetail, listIndicators, updateIndicator } from "./indicators";
import * as plan from "./plan";
import { publicProgress, publicRoundReport } from "./public";
import { renderRoundReport } from "./report";
import * as repo from "./repository";
import * as rounds from "./rounds";

export function registerVisionRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getVisionAccess, async (_, { user }) => {
    const access = await accessOf(db, user);
    return {
      manager: access.manager,
      organisationId: access.user.organisationId,
      bureauId: access.user.bureauId,
      ownerBureauId: access.ownerBureauId,
    };
  });

  // ---------------------------------------------------------------- plans and nodes

  router.on(api.listPlans, async (_, { user }) => {
    await accessOf(db, user);
    return { items: await plan.listPlans(db) };
  });

  router.on(api.createPlan, async ({ body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    return plan.planDetail(db, access, await plan.createPlan(db, actor, body));
  });

  router.on(api.getPlan, async ({ params }, { user }) => plan.planDetail(db, await accessOf(db, user), params.id));

  router.on(api.updatePlan, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await plan.updatePlan(db, actor, params.id, body);
    return plan.planDetail(db, access, params.id);
  });

  router.on(api.createNode, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    const id = await plan.createNode(db, actor, params.id, body);
    const node = await repo.findNode(db, id);
    if (!node) throw new NotFound("ノード");
    return plan.toVisionNode(node);
  });

  router.on(api.getNode, async ({ params }, { user }) => plan.nodeDetail(db, await accessOf(db, user), params.id));

  router.on(api.updateNode, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await plan.updateNode(db, actor, params.id, body);
    return plan.nodeDetail(db, access, params.id);
  });

  router.on(api.deleteNode, async ({ params }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    await plan.deleteNode(db, actor, params.id);
    return { ok: true as const };
  });

  router.on(api.setNodeChallenges, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await plan.setNodeChallenges(db, access.user, actor, params.id, body.challengeIds);
    return plan.nodeDetail(db, access, params.id);
  });

  router.on(api.listChallengeCandidates, async ({ query }, { user }) => {
    await accessOf(db, user);
    return { items: await plan.challengeCandidates(db, query.q) };
  });

  // ---------------------------------------------------------------- indicators and values

  router.on(api.listIndicators, async ({ params, query }, { user }) => {
    await accessOf(db, user);
    if (!(await repo.findPlan(db, params.id))) throw new NotFound("計画");
    return { items: await listIndicators(db, params.id, query) };
  });

  router.on(api.createIndicator, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    return indicatorDetail(db, access, await createIndicator(db, actor, params.id, body));
  });

  router.on(api.getIndicator, async ({ params }, { user }) => indicatorDetail(db, await accessOf(db, user), params.id));

  router.on(api.updateIndicator, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await updateIndicator(db, actor, params.id, body);
    return indicatorDetail(db, access, params.id);
  });

  router.on(api.addActual, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    const indicator = await repo.findIndicator(db, params.id);
    if (!indicator) throw new NotFound("指標");
    requireUpdate(access.user, indicator);
    await addActual(db, access.user, actor, params.id, body);
    return indicatorDetail(db, access, params.id);
  });

  router.on(api.listActuals, async ({ params }, { user }) => {
    await accessOf(db, user);
    return { items: await listActuals(db, params.id) };
  });

  // ---------------------------------------------------------------- grade rule

  router.on(api.getGradeRule, async (_, { user }) => {
    await accessOf(db, user);
    return ruleVersions(db);
  });

  router.on(api.putGradeRule, async ({ body }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    await putRule(db, actor, body.name, body.rule);
    return ruleVersions(db);
  });

  // ---------------------------------------------------------------- rounds

  router.on(api.listRounds, async ({ params }, { user }) => {
    await accessOf(db, user);
    if (!(await repo.findPlan(db, params.id))) throw new NotFound("計画");
    return { items: await rounds.listRounds(db, params.id) };
  });

  router.on(api.openRound, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    return rounds.roundDetail(db, access, await rounds.openRound(db, actor, params.id, body));
  });

  router.on(api.downloadRoundReport, async ({ params, query }, { user, actor }) => {
    // Staff read every round; an experts' council member (an external login) reads the rounds the council's own
    // pages show (closed, published, or taken up by a meeting), checked in one place: council.visibleRound.
    await visibleRound(db, await engagementAccessOf(db, user), params.id);
    const report = await renderRoundReport(db, params.id, query.format);
    await recordAudit(db, actor, {
      action: "download",
      entityType: "vision_round",
      entityId: params.id,
      summary: `進捗報告書をダウンロード（${report.name}）`,
    });
    return { file: { name: report.name, mimeType: report.mimeType, body: report.bytes } };
  });

  router.on(api.downloadPublicRoundReport, async ({ params, query }) => {
    const round = await repo.findRound(db, params.id);
    if (round?.status !== "published") throw new NotFound("公表された報告ラウンド");
    const report = await renderRoundReport(db, params.id, query.format);
    return { file: { name: report.name, mimeType: report.mimeType, body: report.bytes } };
  });

  router.on(api.getRound, async ({ params }, { user }) => rounds.roundDetail(db, await accessOf(db, user), params.id));

  router.on(api.closeRound, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await rounds.closeRound(db, actor, params.id);
    return rounds.roundDetail(db, access, params.id);
  });

  router.on(api.publishRound, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await rounds.publishRound(db, actor, params.id);
    return rounds.roundDetail(db, access, params.id);
  });

  router.on(api.remindRound, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    const reminded = await rounds.remindRound(db, actor, params.id, body.organisationIds ?? null);
    return { ...(await rounds.roundDetail(db, access, params.id)), reminded };
  });

  router.on(api.recomputeRound, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await rounds.recomputeRound(db, actor, params.id);
    return rounds.roundDetail(db, access, params.id);
  });

  router.on(api.getTodo, async (_, { user }) => {
    const access = await accessOf(db, user);
    return rounds.todoOf(db, access.user);
  });

  router.on(api.listRoundTasks, async ({ params, query }, { user }) => {
    await accessOf(db, user);
    const pending = query.pending === undefined ? undefined : query.pending === "true";
    return { items: await rounds.listTasks(db, params.id, { ownerOrganisationId: query.ownerOrganisationId, pending }) };
  });

  router.on(api.getRoundGrades, async ({ params }, { user }) => {
    await accessOf(db, user);
    const round = await repo.findRound(db, params.id);
    if (!round) throw new NotFound("報告ラウンド");
    return roundGrades(db, round, rounds.toRoundSummary);
  });

  // ---------------------------------------------------------------- dashboard and public page

  router.on(api.getDashboard, async ({ params, query }, { user }) => {
    await accessOf(db, user);
    return dashboard(db, params.id, query.roundId);
  });

  router.on(api.getIndicatorSeries, async ({ params }, { user }) => {
    await accessOf(db, user);
    return indicatorSeries(db, params.id);
  });

  router.on(api.listPublicProgress, async () => publicProgress(db));

  router.on(api.getPublicRound, async ({ params }) => publicRoundReport(db, params.id));
}
