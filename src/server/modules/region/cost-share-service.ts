// 負担金 (issue 18): versioned cost-share rules of a joint project and the computations made with them. Every member
// of staff reads, previews and compares; region managers create rules and versions and save computations. Populations
// of the 18 市町 are read with populationsAt for the basis and date the rule names (a 市町 without a figure is named,
// never taken as 0); other members' populations and every usage / 基準財政需要額 figure come from the form or an
// imported file, recorded as 入力値 (or the file's name).
import type { z } from "zod";
import type * as api from "../../../common/api/region-cost-shares";
import { formatFiscalYear } from "../../../common/dates";
import {
  type CostShareComponent,
  CostShareError,
  type CostShareMember,
  type CostShareResult,
  type CostShareRule,
  compareShares,
  componentLabel,
  computeCostShares,
  type FigureTable,
  figureKey,
  membersOf,
  ruleBodySchema,
} from "../../../common/region/cost-share";
import { describePopulationSet } from "../../../common/region/population-basis";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isRegionManager, requireRegionManager } from "./access";
import * as repo from "./cost-share-repository";
import { findPopulationsAt } from "./population-repository";
import { PopulationMissingError, populationsAt } from "./population-service";

type RuleDetail = z.infer<typeof api.ruleDetail>;
type ComputationResult = z.infer<typeof api.computationResult>;
type ComputationDetail = z.infer<typeof api.computationDetail>;
type InputSet = z.infer<typeof api.inputSet>;

export type { LoadedVersion };

export const INPUT_SOURCE = "入力値";

function memberOut(m: repo.MemberRow): api.ProjectMember {
  return { id: m.id, name: m.name, localGovernmentCode: m.local_government_code, municipalityCode: m.municipality_code, role: m.role };
}

export function ruleOf(v: repo.VersionRow): CostShareRule {
  return ruleBodySchema.parse({
    components: v.components,
    rounding: { unit: v.rounding_unit, method: v.rounding_method },
    remainderMemberId: v.remainder_member_id,
  });
}

function versionOut(v: repo.VersionRow): api.RuleVersion {
  return {
    id: v.id,
    version: v.version,
    appliesFromFiscalYear: v.applies_from_fiscal_year,
    note: v.note,
    createdAt: v.created_at,
    createdBy: v.created_by_name,
    isSample: v.is_sample,
    components: v.components,
    rounding: { unit: v.rounding_unit, method: v.rounding_method },
    remainderMemberId: v.remainder_member_id,
    remainderMemberName: v.remainder_member_name,
    rule: ruleOf(v),
  };
}

function computationSummaryOut(c: repo.ComputationRow): api.ComputationSummary {
  return {
    id: c.id,
    fiscalYear: c.fiscal_year,
    title: c.title,
    ruleId: c.rule_id,
    ruleName: c.rule_name,
    version: c.version,
    total: c.total,
    amountToShare: c.amount_to_share,
    createdAt: c.created_at,
    createdBy: c.created_by_name,
    isSample: c.is_sample,
  };
}

const projectOut = (p: repo.ProjectRow) => ({ id: p.id, name: p.name, frameworkName: p.framework_name, memberCount: p.member_count });

export async function listRules(db: Queryable, user: Principal | null, projectId: string | undefined) {
  authorize(user, "region.read");
  const project = projectId ? await repo.findProject(db, projectId) : null;
  if (projectId && !project) throw new NotFound("連携事業");
  const rules = await repo.findRules(db, projectId ?? null);
  const ids = rules.map((r) => r.id);
  const versions = await repo.findVersions(db, ids);
  const latest = new Map((await repo.findComputations(db, ids, { latestOnly: true })).map((c) => [c.rule_id, c]));
  return {
    items: rules.map((r) => {
      const own = versions.filter((v) => v.rule_id === r.id);
      const computation = latest.get(r.id);
      const {
        rule: _,
        components: __,
        rounding: ___,
        remainderMemberId: ____,
        remainderMemberName: _____,
        ...summary
      } = versionOut(own[0]);
      return {
        id: r.id,
        projectId: r.project_id,
        projectName: r.project_name,
        frameworkName: r.framework_name,
        name: r.name,
        description: r.description,
        latestVersion: summary,
        versionCount: own.length,
        latestComputation: computation ? computationSummaryOut(computation) : null,
        isSample: r.is_sample,
      };
    }),
    projects: (await repo.findProjects(db)).map(projectOut),
    project: project ? projectOut(project) : null,
    projectMembers: project ? (await repo.findProjectMembers(db, project.id)).map(memberOut) : [],
    canManage: await isRegionManager(db, user),
  };
}

async function ruleDetail(db: Queryable, user: Principal | null, id: string): Promise<RuleDetail> {
  const rule = await repo.findRule(db, id);
  if (!rule) throw new NotFound("負担金の算定ルール");
  return {
    id: rule.id,
    projectId: rule.project_id,
    projectName: rule.project_name,
    frameworkName: rule.framework_name,
    name: rule.name,
    description: rule.description,
    isSample: rule.is_sample,
    members: (await repo.findProjectMembers(db, rule.project_id)).map(memberOut),
    versions: (await repo.findVersions(db, [id])).map(versionOut),
    computations: (await repo.findComputations(db, [id])).map(computationSummaryOut),
    canManage: await isRegionManager(db, user),
  };
}

export async function getRule(db: Queryable, user: Principal | null, id: string): Promise<RuleDetail> {
  authorize(user, "region.read");
  return ruleDetail(db, user, id);
}

/** A rule checked against the project's members (CostShareError → 400 naming the field). */
function checkAgainstMembers(rule: CostShareRule, members: readonly repo.MemberRow[]): void {
  try {
    // a trial with every figure 1 finds a member id the rule names that does not take part
    const figures: Record<string, Record<string, number>> = {};
    for (const c of rule.components) {
      const key = figureKey(c);
      if (key) figures[key] = Object.fromEntries(members.map((m) => [m.id, 1]));
    }
    computeCostShares(rule, { members, total: 0, deductions: [], figures });
  } catch (error) {
    throw asValidation(error);
  }
}

function asValidation(error: unknown): unknown {
  if (error instanceof CostShareError)
    return new ValidationError(error.message, error.field ? { [error.field]: error.message } : undefined);
  return error;
}

function versionValues(
  ruleId: string,
  version: number,
  body: { appliesFromFiscalYear: number; note: string; rule: CostShareRule },
  actor: Actor,
  isSample = false,
): repo.VersionValues {
  return {
    ruleId,
    version,
    appliesFromFiscalYear: body.appliesFromFiscalYear,
    components: body.rule.components,
    roundingUnit: body.rule.rounding.unit,
    roundingMethod: body.rule.rounding.method,
    remainderMemberId: body.rule.remainderMemberId,
    note: body.note,
    createdBy: actor.userId,
    isSample,
  };
}

export async function createRule(
  db: Db,
  user: Principal | null,
  actor: Actor,
  body: z.output<typeof api.createCostRuleBody>,
): Promise<RuleDetail> {
  const id = await db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    return writeRule(tx, actor, body, { isSample: false });
  });
  return ruleDetail(db, user, id);
}

/** Writes a rule with its first version (the caller has checked who may); the sample data use it too. */
export async function writeRule(
  tx: Queryable,
  actor: Actor,
  body: z.output<typeof api.createCostRuleBody>,
  opts: { isSample: boolean },
): Promise<string> {
  const project = await repo.findProject(tx, body.projectId);
  if (!project) throw new NotFound("連携事業");
  checkAgainstMembers(body.rule, await repo.findProjectMembers(tx, body.projectId));
  const ruleId = await repo.insertRule(tx, {
    projectId: body.projectId,
    name: body.name,
    description: body.description,
    createdBy: actor.userId,
    isSample: opts.isSample,
  });
  const versionId = await repo.insertVersion(tx, versionValues(ruleId, 1, body, actor, opts.isSample));
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "region_cost_rule",
    entityId: ruleId,
    summary: `負担金の算定ルール「${body.name}」（${project.name}）を作成（第1版、${formatFiscalYear(body.appliesFromFiscalYear)}から）`,
    after: { name: body.name, appliesFromFiscalYear: body.appliesFromFiscalYear, rule: body.rule, versionId },
  });
  return ruleId;
}

export async function createVersion(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: z.output<typeof api.newVersionBody>,
): Promise<RuleDetail> {
  await db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    // the rule's row is locked: two editors saving at once get versions n+1 and a 409, never the same number
    const rule = await repo.findRule(tx, id, { lock: true });
    if (!rule) throw new NotFound("負担金の算定ルール");
    const latest = await repo.latestVersionNumber(tx, id);
    if (body.basedOnVersion !== latest)
      throw new Conflict(`このルールは編集中に第${latest}版が作られました。最新の版を開き直してから編集してください。`);
    checkAgainstMembers(body.rule, await repo.findProjectMembers(tx, rule.project_id));
    const before = await repo.findVersions(tx, [id]);
    await repo.insertVersion(tx, versionValues(id, latest + 1, body, actor));
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_cost_rule",
      entityId: id,
      summary: `負担金の算定ルール「${rule.name}」の第${latest + 1}版を作成（${formatFiscalYear(body.appliesFromFiscalYear)}から）`,
      before: before[0] ? { version: before[0].version, rule: ruleOf(before[0]) } : undefined,
      after: { version: latest + 1, appliesFromFiscalYear: body.appliesFromFiscalYear, rule: body.rule, note: body.note },
    });
  });
  return ruleDetail(db, user, id);
}

// ── inputs ──

interface LoadedVersion {
  version: repo.VersionRow;
  rule: CostShareRule;
  ruleRow: repo.RuleRow;
}

async function loadVersions(db: Queryable, ids: readonly string[]): Promise<{ loaded: LoadedVersion[]; members: repo.MemberRow[] }> {
  const loaded: LoadedVersion[] = [];
  for (const id of ids) {
    const version = await repo.findVersion(db, id);
    if (!version) throw new NotFound("負担金の算定ルールの版");
    const ruleRow = (await repo.findRule(db, version.rule_id))!;
    loaded.push({ version, rule: ruleOf(version), ruleRow });
  }
  const projectIds = new Set(loaded.map((l) => l.ruleRow.project_id));
  if (projectIds.size > 1) throw new ValidationError("比べられるのは同じ連携事業のルールどうしです。");
  return { loaded, members: await repo.findProjectMembers(db, loaded[0].ruleRow.project_id) };
}

/** Each distinct figure key of the rules with its first component and the members any of its components apply to. */
function figureSets(rules: readonly CostShareRule[], members: readonly repo.MemberRow[]) {
  const sets = new Map<string, { component: CostShareComponent; members: Set<string> }>();
  for (const rule of rules)
    for (const c of rule.components) {
      const key = figureKey(c);
      if (!key) continue;
      const entry = sets.get(key) ?? { component: c, members: new Set<string>() };
      for (const m of membersOf(c, members)) entry.members.add(m.id);
      sets.set(key, entry);
    }
  return [...sets].map(([key, s]) => ({ key, component: s.component, members: members.filter((m) => s.members.has(m.id)) }));
}

function setLabel(c: CostShareComponent): { label: string; unit: string } {
  if (c.kind === "population") return { label: `人口（${describePopulationSet(c.basis, c.asOf)}）`, unit: "人" };
  if (c.kind === "usage") return { label: `${c.figureName}（${c.period}）`, unit: "" };
  if (c.kind === "fiscal_need") return { label: `基準財政需要額（${formatFiscalYear(c.fiscalYear)}）`, unit: "円" };
  return { label: componentLabel(c), unit: "" };
}

/** The stored populations of a set for the 市町 among `members`: values, sources and the 市町 without a figure. */
async function storedPopulations(
  db: Queryable,
  c: Extract<CostShareComponent, { kind: "population" }>,
  members: readonly repo.MemberRow[],
) {
  const codes = members.filter((m) => m.municipality_code).map((m) => m.municipality_code!);
  let values = new Map<string, number>();
  let missing: string[] = [];
  if (codes.length > 0) {
    try {
      values = await populationsAt(db, c.basis, c.asOf, codes);
    } catch (error) {
      if (!(error instanceof PopulationMissingError)) throw error;
      missing = error.missing.map((m) => m.code);
      const rest = codes.filter((code) => !missing.includes(code));
      if (rest.length > 0) values = await populationsAt(db, c.basis, c.asOf, rest);
    }
  }
  const sources = new Map((await findPopulationsAt(db, c.basis, c.asOf)).map((p) => [p.municipality_code, p.source]));
  const sourceOf = (code: string) => {
    const stored = sources.get(code);
    return `${describePopulationSet(c.basis, c.asOf)}${stored ? `・${stored}` : ""}`;
  };
  return { values, missing, sourceOf };
}

export async function getInputs(db: Queryable, user: Principal | null, versionIds: readonly string[]) {
  authorize(user, "region.read");
  const { loaded, members } = await loadVersions(db, versionIds);
  const sets: InputSet[] = [];
  for (const set of figureSets(
    loaded.map((l) => l.rule),
    members,
  )) {
    const { label, unit } = setLabel(set.component);
    const c = set.component;
    if (c.kind === "population") {
      const stored = await storedPopulations(db, c, set.members);
      sets.push({
        key: set.key,
        kind: "population",
        label,
        unit,
        basis: c.basis,
        asOf: c.asOf,
        missing: set.members.filter((m) => m.municipality_code && stored.missing.includes(m.municipality_code)).map((m) => m.name),
        rows: set.members.map((m) => ({
          memberId: m.id,
          memberName: m.name,
          value: m.municipality_code ? (stored.values.get(m.municipality_code) ?? null) : null,
          source: m.municipality_code
            ? stored.values.has(m.municipality_code)
              ? stored.sourceOf(m.municipality_code)
              : "人口が登録されていません"
            : INPUT_SOURCE,
          editable: !m.municipality_code,
        })),
      });
    } else {
      sets.push({
        key: set.key,
        kind: c.kind as "usage" | "fiscal_need",
        label,
        unit,
        basis: null,
        asOf: null,
        missing: [],
        rows: set.members.map((m) => ({ memberId: m.id, memberName: m.name, value: null, source: INPUT_SOURCE, editable: true })),
      });
    }
  }
  return { projectId: loaded[0].ruleRow.project_id, members: members.map(memberOut), sets };
}

type ComputeBody = z.output<typeof api.previewBody>;

/** Resolves every figure the rule needs (stored populations, typed figures) and applies the rule. */
async function computeWith(db: Queryable, l: LoadedVersion, members: readonly repo.MemberRow[], body: Omit<ComputeBody, "ruleVersionId">) {
  const figures: Record<string, Record<string, number | null>> = {};
  const used: api.UsedFigure[] = [];
  const typedSource = body.figureSource || INPUT_SOURCE;
  for (const set of figureSets([l.rule], members)) {
    const { label } = setLabel(set.component);
    const table: Record<string, number | null> = {};
    const typed = body.figures[set.key] ?? {};
    const c = set.component;
    const stored = c.kind === "population" ? await storedPopulations(db, c, set.members) : null;
    if (stored && stored.missing.length > 0 && c.kind === "population") {
      const names = set.members
        .filter((m) => m.municipality_code && stored.missing.includes(m.municipality_code))
        .map((m) => `${m.name}（${m.municipality_code}）`);
      throw new ValidationError(
        `${describePopulationSet(c.basis, c.asOf)}の人口が登録されていない市町があります: ${names.join("、")}。人口の一括登録で取り込むか、ルールの基準日を見直してください。`,
      );
    }
    for (const m of set.members) {
      const fromStore = stored && m.municipality_code ? stored.values.get(m.municipality_code) : undefined;
      const value = fromStore ?? typed[m.id] ?? null;
      table[m.id] = value;
      if (value !== null)
        used.push({
          key: set.key,
          label,
          memberId: m.id,
          memberName: m.name,
          value,
          source: fromStore !== undefined && stored && m.municipality_code ? stored.sourceOf(m.municipality_code) : typedSource,
        });
    }
    figures[set.key] = table;
  }
  let result: CostShareResult;
  try {
    result = computeCostShares(
      l.rule,
      { members: members as readonly CostShareMember[], total: body.total, deductions: body.deductions, figures: figures as FigureTable },
      { describePopulation: describePopulationSet },
    );
  } catch (error) {
    throw asValidation(error);
  }
  const out: ComputationResult = {
    ruleId: l.ruleRow.id,
    ruleName: l.ruleRow.name,
    version: l.version.version,
    ruleVersionId: l.version.id,
    fiscalYear: body.fiscalYear,
    inputs: used,
    result,
  };
  return { out, result };
}

function checkApplies(l: LoadedVersion, fiscalYear: number): void {
  if (fiscalYear < l.version.applies_from_fiscal_year)
    throw new ValidationError(
      `「${l.ruleRow.name}」第${l.version.version}版は${formatFiscalYear(l.version.applies_from_fiscal_year)}からのルールです。${formatFiscalYear(fiscalYear)}には使えません。`,
      { fiscalYear: "この版の適用年度より前です。" },
    );
}

export async function preview(db: Queryable, user: Principal | null, body: ComputeBody): Promise<ComputationResult> {
  authorize(user, "region.read");
  const { loaded, members } = await loadVersions(db, [body.ruleVersionId]);
  checkApplies(loaded[0], body.fiscalYear);
  return (await computeWith(db, loaded[0], members, body)).out;
}

export async function compare(db: Queryable, user: Principal | null, body: z.output<typeof api.compareBody>) {
  authorize(user, "region.read");
  const { loaded, members } = await loadVersions(db, [body.a, body.b]);
  const a = await computeWith(db, loaded[0], members, body);
  const b = await computeWith(db, loaded[1], members, body);
  return { a: a.out, b: b.out, rows: compareShares(a.result, b.result) };
}

function detailOut(c: repo.ComputationRow): ComputationDetail {
  return {
    id: c.id,
    projectId: c.project_id,
    projectName: c.project_name,
    frameworkName: c.framework_name,
    title: c.title,
    createdAt: c.created_at,
    createdBy: c.created_by_name,
    isSample: c.is_sample,
    ruleId: c.rule_id,
    ruleName: c.rule_name,
    version: c.version,
    ruleVersionId: c.rule_version_id,
    fiscalYear: c.fiscal_year,
    inputs: c.inputs as api.UsedFigure[],
    result: c.result,
  };
}

export async function saveComputation(
  db: Db,
  user: Principal | null,
  actor: Actor,
  body: z.output<typeof api.saveBody>,
): Promise<ComputationDetail> {
  const id = await db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    return writeComputation(tx, actor, body, { isSample: false });
  });
  return getComputation(db, user, id);
}

/** Computes and stores a computation with its inputs and result (the caller has checked who may). */
export async function writeComputation(
  tx: Queryable,
  actor: Actor,
  body: z.output<typeof api.saveBody>,
  opts: { isSample: boolean },
): Promise<string> {
  const { loaded, members } = await loadVersions(tx, [body.ruleVersionId]);
  const l = loaded[0];
  checkApplies(l, body.fiscalYear);
  const { out, result } = await computeWith(tx, l, members, body);
  const computationId = await repo.insertComputation(tx, {
    projectId: l.ruleRow.project_id,
    ruleVersionId: l.version.id,
    fiscalYear: body.fiscalYear,
    title: body.title,
    total: result.total,
    deductions: result.deductions,
    amountToShare: result.amountToShare,
    inputs: out.inputs,
    result,
    createdBy: actor.userId,
    isSample: opts.isSample,
    shares: result.members.map((m) => ({ memberId: m.memberId, memberName: m.name, share: m.share, adjustment: m.adjustment })),
  });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "region_cost_share",
    entityId: computationId,
    summary: `${l.ruleRow.project_name}の${formatFiscalYear(body.fiscalYear)}負担金を「${l.ruleRow.name}」第${l.version.version}版で算定（対象額${result.amountToShare.toLocaleString("ja-JP")}円）`,
    after: { total: result.total, deductions: result.deductions, shares: result.members.map((m) => ({ name: m.name, share: m.share })) },
  });
  return computationId;
}

export async function getComputation(db: Queryable, user: Principal | null, id: string): Promise<ComputationDetail> {
  authorize(user, "region.read");
  const row = await repo.findComputation(db, id);
  if (!row) throw new NotFound("負担金の算定結果");
  return detailOut(row);
}
