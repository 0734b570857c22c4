// Sample data of the 経営分析 module (every record is_sample), from samples/subjects.json and samples/reviews.json:
// the five subjects of the 市政変革推進プラン (SDGsステーション, 国際関係施策, アジア成長研究所, 北九州国際交流協会,
// 北九州市立大学) with their peers, yearly figures (the figures are estimates, said so in each note), measures and
// facilities; the decided 令和6年度 analyses with findings, options and follow-up actions, and a draft for 令和7年度.
// The two linked subjects get their source's measures with no values: their figures are read from the sdgs and
// international modules, never typed. Loaded once; a city without the sample divisions gets the samples without a
// lead or owner division.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isFigureItemCode, isLinkedItem, LINKED_SOURCE_INFO, LINKED_SOURCES } from "../../../common/analysis/figure-items";
import { BASE_INDICATORS, costPerUnitKey } from "../../../common/analysis/indicators";
import { ASSESSMENTS, OPTIONS, SUBJECT_KINDS, SUBJECT_ROLES, VIEWPOINTS } from "../../../common/analysis/labels";
import type { Db, Queryable } from "../../db/database";
import { projectRoot } from "../../paths";
import { findOrganisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import {
  hasAnalysisSubjects,
  insertSampleAction,
  insertSampleFacility,
  insertSampleFigures,
  insertSampleFinding,
  insertSampleMeasure,
  insertSampleMeasureValues,
  insertSampleOption,
  insertSamplePeerLink,
  insertSampleReview,
  insertSampleSubject,
} from "./sample-repository";

/** { "2019": 123, … }: a year left out is a missing figure, never 0 */
const byYear = z.record(z.string().regex(/^20\d\d$/), z.number().nonnegative());

const sampleSubject = z.object({
  key: z.string(),
  name: z.string(),
  shortName: z.string(),
  role: z.enum(SUBJECT_ROLES),
  kind: z.enum(SUBJECT_KINDS),
  isAffiliatedBody: z.boolean(),
  /** organisation code of the lead division (e.g. seisaku-sdgs) */
  leadDivision: z.string().nullable(),
  cityStakePercent: z.number().nullable(),
  cityRole: z.string(),
  purpose: z.string(),
  foundedYear: z.number().int().nullable(),
  analysisFiscalYear: z.number().int().nullable(),
  location: z.string(),
  linkedSource: z.enum(LINKED_SOURCES).nullable(),
  note: z.string(),
  /** keys of the peer bodies the subject is compared with */
  peers: z.array(z.string()),
  /** figure item code → values by fiscal year */
  figures: z.record(z.string(), byYear),
  measures: z.array(z.object({ name: z.string(), unit: z.string(), isCostBasis: z.boolean(), values: byYear })),
  facilities: z.array(
    z.object({
      name: z.string(),
      builtYear: z.number().int(),
      floorAreaM2: z.number().nullable(),
      lastRenovatedYear: z.number().int().nullable(),
      note: z.string(),
    }),
  ),
});
export type SampleSubject = z.infer<typeof sampleSubject>;

const sampleReview = z.object({
  subject: z.string(),
  fiscalYear: z.number().int(),
  summary: z.string(),
  status: z.enum(["draft", "decided"]),
  chosenOption: z.enum(OPTIONS).nullable(),
  decision: z.string(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string(),
  findings: z.array(
    z.object({
      viewpoint: z.enum(VIEWPOINTS),
      body: z.string(),
      assessment: z.enum(ASSESSMENTS).nullable(),
      /** indicator keys; 「cost_per:相談件数」 names a measure of the subject by its name */
      indicators: z.array(z.string()),
    }),
  ),
  options: z.array(z.object({ option: z.enum(OPTIONS), assessment: z.string() })),
  actions: z.array(
    z.object({
      title: z.string(),
      detail: z.string(),
      ownerDivision: z.string().nullable(),
      ownerName: z.string(),
      dueOn: z.string().nullable(),
      status: z.enum(["open", "done"]),
      doneOn: z.string().nullable(),
      result: z.string(),
    }),
  ),
});

export const sampleSubjectsFile = z.object({ subjects: z.array(sampleSubject) });
export const sampleReviewsFile = z.object({ reviews: z.array(sampleReview) });

function readSample<T>(file: string, schema: z.ZodType<T>): T {
  const text = readFileSync(path.join(projectRoot, "src/server/modules/analysis/samples", file), "utf8");
  return schema.parse(JSON.parse(text));
}

export function readSampleSubjects(): SampleSubject[] {
  return readSample("subjects.json", sampleSubjectsFile).subjects;
}

export async function loadAnalysisSamples(db: Db): Promise<void> {
  if (await hasAnalysisSubjects(db)) return;
  const subjects = readSampleSubjects();
  const reviews = readSample("reviews.json", sampleReviewsFile).reviews;
  await db.transaction(async (tx) => {
    const division = divisionLookup(tx);
    const ids = new Map<string, string>();
    const measureIds = new Map<string, Map<string, string>>();
    for (const s of subjects) {
      const id = await insertSampleSubject(tx, {
        ...s,
        leadOrganisationId: s.leadDivision ? await division(s.leadDivision) : null,
      });
      ids.set(s.key, id);
      await insertSampleFigures(tx, id, figureRows(s));
      measureIds.set(s.key, await insertMeasures(tx, id, s));
      for (const [i, f] of s.facilities.entries()) await insertSampleFacility(tx, id, { ...f, sortOrder: i + 1 });
    }
    for (const s of subjects) for (const peer of s.peers) await insertSamplePeerLink(tx, idOf(ids, s.key), idOf(ids, peer));
    for (const r of reviews) {
      const measures = measureIds.get(r.subject) ?? new Map<string, string>();
      const reviewId = await insertSampleReview(tx, { ...r, subjectId: idOf(ids, r.subject) });
      for (const [i, f] of r.findings.entries()) {
        await insertSampleFinding(tx, reviewId, { ...f, indicators: f.indicators.map((k) => indicatorKey(k, measures)), sortOrder: i + 1 });
      }
      for (const o of r.options) await insertSampleOption(tx, reviewId, o.option, o.assessment);
      for (const [i, a] of r.actions.entries()) {
        await insertSampleAction(tx, reviewId, {
          ...a,
          ownerOrganisationId: a.ownerDivision ? await division(a.ownerDivision) : null,
          sortOrder: i + 1,
        });
      }
    }
    const counted = subjects.filter((s) => s.role === "subject").length;
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "analysis_subject",
      entityId: null,
      summary: `経営分析のサンプルデータ（分析対象${counted}件、比較団体${subjects.length - counted}件、経営分析${reviews.length}件）を読み込みました`,
    });
  });
}

/** The sample city's divisions by code, each looked up once; null where the city has no such division. */
function divisionLookup(db: Queryable): (code: string) => Promise<string | null> {
  const found = new Map<string, Promise<string | null>>();
  return (code) => {
    if (!found.has(code)) found.set(code, findOrganisationIdByCode(db, code));
    return found.get(code) as Promise<string | null>;
  };
}

function idOf(ids: Map<string, string>, key: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`analysis sample: unknown subject ${key}`);
  return id;
}

/** The typed figures of a sample subject; a linked item (read from another module) must never be typed. */
function figureRows(s: SampleSubject): { item: string; fiscalYear: number; value: number }[] {
  return Object.entries(s.figures).flatMap(([item, values]) => {
    if (!isFigureItemCode(item)) throw new Error(`analysis sample ${s.key}: unknown figure item ${item}`);
    if (isLinkedItem(s.linkedSource, item)) throw new Error(`analysis sample ${s.key}: ${item} is read from ${s.linkedSource}`);
    return Object.entries(values).map(([fy, value]) => ({ item, fiscalYear: Number(fy), value }));
  });
}

/** The subject's own measures with their values, then its linked source's measures (values read, never stored). */
async function insertMeasures(tx: Queryable, subjectId: string, s: SampleSubject): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  const linked = s.linkedSource ? LINKED_SOURCE_INFO[s.linkedSource].measures : [];
  for (const [i, m] of linked.entries()) {
    const id = await insertSampleMeasure(tx, subjectId, {
      name: m.name,
      unit: m.unit,
      linkedFigure: m.key,
      isCostBasis: m.isCostBasis,
      sortOrder: i + 1,
    });
    byName.set(m.name, id);
  }
  for (const [i, m] of s.measures.entries()) {
    const id = await insertSampleMeasure(tx, subjectId, { ...m, linkedFigure: null, sortOrder: linked.length + i + 1 });
    await insertSampleMeasureValues(
      tx,
      id,
      Object.entries(m.values).map(([fy, value]) => ({ fiscalYear: Number(fy), value })),
    );
    byName.set(m.name, id);
  }
  return byName;
}

/** 「cost_per:相談件数」 → the cost-per-unit key of the subject's measure of that name; other keys as they are. */
function indicatorKey(key: string, measures: Map<string, string>): string {
  if (!key.startsWith("cost_per:")) {
    if (!BASE_INDICATORS.some((i) => i.key === key)) throw new Error(`analysis sample: unknown indicator ${key}`);
    return key;
  }
  const id = measures.get(key.slice("cost_per:".length));
  if (!id) throw new Error(`analysis sample: no measure for ${key}`);
  return costPerUnitKey(id);
}
