// HTTP handlers of the 新ビジョン engagement features: parse input (contracts), check access, call the service,
// shape output. 有識者会議 (staff and council members), Action宣言 (staff; managers moderate; public list), and
// 周知・浸透の記録 (staff read; editors record their own organisation's events; managers any, and feed indicators).
import * as api from "../../../common/api/vision-engagement";
import { recordAudit } from "../../platform/audit/audit";
import { authorize } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as council from "./council";
import * as declarations from "./declarations";
import {
  type EngagementAccess,
  engagementAccessOf,
  mayRecordOutreach,
  outreachOrganisations,
  requireOutreachRecorder,
  requireStaff,
  requireVisionManager,
  resolvePlan,
} from "./engagement-access";
import { findIndicatorLabels } from "./index";
import * as outreach from "./outreach";

export function registerVisionEngagementRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  // ---------------------------------------------------------------- 有識者会議

  router.on(api.getCouncil, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    const plan = await resolvePlan(db, access.member ? access.member.plan_id : query.planId);
    return council.councilOverview(db, access, plan);
  });

  router.on(api.createCouncilMember, async ({ query, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    const plan = await resolvePlan(db, query.planId);
    return council.getMember(db, access, await council.createMember(db, actor, plan.id, body));
  });

  router.on(api.updateCouncilMember, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    await council.updateMember(db, actor, params.id, body);
    return council.getMember(db, access, params.id);
  });

  router.on(api.createCouncilMemberLogin, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    await council.createMemberLogin(db, actor, params.id, body);
    return council.getMember(db, access, params.id);
  });

  router.on(api.createCouncilMeeting, async ({ query, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    const plan = await resolvePlan(db, query.planId);
    return council.getMeeting(db, await council.createMeeting(db, actor, plan.id, body));
  });

  router.on(api.updateCouncilMeeting, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    await council.updateMeeting(db, actor, params.id, body);
    return council.getMeeting(db, params.id);
  });

  router.on(api.getCouncilReport, async ({ params }, { user }) => {
    const access = await engagementAccessOf(db, user);
    const round = await council.visibleRound(db, access, params.id);
    return { round, nodes: await council.roundReport(db, round) };
  });

  router.on(api.listCouncilComments, async ({ params, query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    const round = await council.visibleRound(db, access, params.id);
    return { items: await council.listComments(db, access, round.id, query) };
  });

  router.on(api.addCouncilComment, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    const round = await council.visibleRound(db, access, params.id);
    const id = await council.addComment(db, actor, access, round, body);
    return council.getComment(db, access, id);
  });

  router.on(api.respondCouncilComment, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    await council.respond(db, actor, params.id, body.response);
    return council.getComment(db, access, params.id);
  });

  router.on(api.exportCouncilComments, async ({ params }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    const round = await council.visibleRound(db, access, params.id);
    const bytes = await council.commentsCsv(db, access, round);
    await recordAudit(db, actor, {
      action: "download",
      entityType: "vision_round",
      entityId: round.id,
      summary: `有識者会議の意見と対応の一覧（${round.name}）を CSV で出力`,
    });
    return { file: { name: `有識者会議の意見と対応_${round.name}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
  });

  // ---------------------------------------------------------------- Action宣言

  router.on(api.getDeclarationOptions, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    const plan = await resolvePlan(db, query.planId);
    return {
      planId: plan.id,
      planName: plan.name,
      strategies: await declarations.strategies(db, plan.id),
      canModerate: access.manager,
      pendingCount: access.manager ? await declarations.pendingCount(db, plan.id) : 0,
    };
  });

  router.on(api.listMyDeclarations, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    const plan = await resolvePlan(db, query.planId);
    return { items: await declarations.myDeclarations(db, access.user.id, plan.id) };
  });

  router.on(api.postDeclaration, async ({ query, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    authorize(access.user, "vision.declare");
    const plan = await resolvePlan(db, query.planId);
    const id = await declarations.postDeclaration(db, actor, access.user, plan.id, body);
    return declarations.getOwn(db, id);
  });

  router.on(api.withdrawDeclaration, async ({ params }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    await declarations.withdraw(db, actor, access.user.id, params.id);
    return { ok: true as const };
  });

  router.on(api.listDeclarations, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    const plan = await resolvePlan(db, query.planId);
    return { items: await declarations.declarationsForModeration(db, plan.id, query.status) };
  });

  router.on(api.moderateDeclaration, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    await declarations.moderate(db, actor, params.id, body);
    return declarations.getModerated(db, params.id);
  });

  router.on(api.listPublicDeclarations, async ({ query }) => {
    let plan: Awaited<ReturnType<typeof resolvePlan>>;
    try {
      plan = await resolvePlan(db, query.planId);
    } catch {
      // No plan yet: an empty board rather than an error on the lobby screen.
      return { planName: null, strategies: [], items: [] };
    }
    return {
      planName: plan.name,
      strategies: await declarations.strategies(db, plan.id),
      items: await declarations.shownDeclarations(db, plan.id, query.strategyId),
    };
  });

  // ---------------------------------------------------------------- 周知・浸透の記録

  router.on(api.listOutreach, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    const plan = await resolvePlan(db, query.planId);
    const [items, summary, indicators] = await Promise.all([
      outreach.listEvents(db, plan.id, query),
      outreach.yearlySummary(db, plan.id),
      outreach.planIndicators(db, plan.id),
    ]);
    const own = outreachOrganisations(access);
    return {
      planId: plan.id,
      canManage: access.manager,
      canRecord: access.manager || own.length > 0,
      recordOrganisationIds: access.manager ? null : own,
      items: items.map((e) => withCanEdit(access, e)),
      summary,
      indicators,
    };
  });

  router.on(api.createOutreach, async ({ query, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireOutreachRecorder(access, body.organisationId);
    const plan = await resolvePlan(db, query.planId);
    return withCanEdit(access, await outreach.getEvent(db, await outreach.createEvent(db, actor, plan.id, body)));
  });

  router.on(api.updateOutreach, async ({ params, body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    await outreach.updateEvent(db, actor, access, params.id, body);
    return withCanEdit(access, await outreach.getEvent(db, params.id));
  });

  router.on(api.deleteOutreach, async ({ params }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireStaff(access);
    await outreach.deleteEvent(db, actor, access, params.id);
    return { ok: true as const };
  });

  router.on(api.previewOutreachFeed, async ({ query }, { user }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    const plan = await planOfIndicator(query.indicatorId);
    const { indicator, ...rest } = await outreach.feedPreview(db, plan, query);
    return { ...rest, indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit } };
  });

  router.on(api.feedOutreach, async ({ body }, { user, actor }) => {
    const access = await engagementAccessOf(db, user);
    requireVisionManager(access);
    return outreach.feedIndicator(db, actor, await planOfIndicator(body.indicatorId), body);
  });

  function withCanEdit<T extends outreach.StoredEvent>(access: EngagementAccess, event: T): T & { canEdit: boolean } {
    return { ...event, canEdit: mayRecordOutreach(access, event.organisationId) };
  }

  async function planOfIndicator(indicatorId: string): Promise<string> {
    const [indicator] = await findIndicatorLabels(db, { ids: [indicatorId] });
    if (!indicator) throw new NotFound("指標");
    return indicator.plan_id;
  }
}
