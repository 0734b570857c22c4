// 実績値の一括登録 (import kind "region-campaign-metrics", the platform's tabular import: /api/imports/<kind>): the reach
// figures a platform's own report gives (X, Instagram, TikTok, YouTube …), one row per campaign and measuring day —
// タグ (or キャンペーン名), 計測日, 表示回数, リーチ, 再生回数, エンゲージメント, リンククリック. All or nothing: an unknown
// tag or name, a name two campaigns share, a day twice in the file, a figure that is not a whole number, or an uploader
// who is not a region manager rejects the whole file with every problem by row; a good file lands in one transaction
// (a day already measured is overwritten: the report is newer). The platform keys the import by the file's hash.
import { z } from "zod";
import { CAMPAIGN_METRICS_IMPORT_KIND } from "../../../common/api/region-analytics";
import { formatWareki, parseJapaneseDate } from "../../../common/dates";
import { zNumberCell } from "../../../common/zod-japanese";
import { recordAudit } from "../../platform/audit/audit";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import type { TabularImportKind } from "../../platform/imports/registry";
import type { ImportError } from "../../platform/tabular/import-rows";
import { isRegionManager } from "./access";
import * as repo from "./campaign-repository";

export interface MetricImportRow {
  tag?: string;
  name?: string;
  measuredOn: string;
  impressions?: number;
  reach?: number;
  views?: number;
  engagements?: number;
  linkClicks?: number;
}

const count = (label: string) =>
  zNumberCell(
    z
      .number({ error: `${label}は数値で入力してください` })
      .int(`${label}は整数で入力してください`)
      .min(0, `${label}は0以上です`)
      .max(1e12, `${label}が大きすぎます`)
      .optional(),
  );

const row = z
  .object({
    tag: z
      .string()
      .transform((text) => text.normalize("NFKC").trim().toLowerCase())
      .optional(),
    name: z
      .string()
      .transform((text) => text.normalize("NFKC").trim())
      .pipe(z.string().max(200, "キャンペーン名は200文字以内です"))
      .optional(),
    measuredOn: z.string({ error: "計測日を入力してください" }).transform((text, ctx) => {
      const parsed = parseJapaneseDate(text);
      if (parsed?.precision !== "day") {
        ctx.addIssue({ code: "custom", message: "計測日は日付で入力してください（例: 2026-11-30 / 令和8年11月30日）" });
        return z.NEVER;
      }
      return parsed.iso;
    }),
    impressions: count("表示回数"),
    reach: count("リーチ"),
    views: count("再生回数"),
    engagements: count("エンゲージメント"),
    linkClicks: count("リンククリック"),
  })
  .superRefine((r, ctx) => {
    if (!r.tag && !r.name) ctx.addIssue({ code: "custom", path: ["tag"], message: "タグかキャンペーン名を入力してください" });
    if ([r.impressions, r.reach, r.views, r.engagements, r.linkClicks].every((v) => v === undefined))
      ctx.addIssue({
        code: "custom",
        path: ["impressions"],
        message: "実績値（表示回数・リーチ・再生回数・エンゲージメント・リンククリック）を1つ以上入力してください",
      });
  });

const nullable = (value: number | undefined) => value ?? null;

export const campaignMetricsImport: TabularImportKind<MetricImportRow> = {
  kind: CAMPAIGN_METRICS_IMPORT_KIND,
  label: "プロモーションの実績値の一括登録",
  // any editor may start it (the platform's route); apply refuses anyone but a region manager
  permission: "region.import",
  spec: {
    columns: [
      { key: "tag", label: "タグ", aliases: ["キャンペーンのタグ"] },
      { key: "name", label: "キャンペーン名", aliases: ["キャンペーン"] },
      { key: "measuredOn", label: "計測日", required: true, aliases: ["日付", "集計日"] },
      { key: "impressions", label: "表示回数", aliases: ["インプレッション", "インプレッション数", "表示"] },
      { key: "reach", label: "リーチ", aliases: ["リーチ数", "到達数"] },
      { key: "views", label: "再生回数", aliases: ["視聴回数", "再生数"] },
      { key: "engagements", label: "エンゲージメント", aliases: ["エンゲージメント数"] },
      { key: "linkClicks", label: "リンククリック", aliases: ["リンクのクリック数", "クリック数"] },
    ],
    row: row as z.ZodType<MetricImportRow>,
  },
  async apply(tx, rows, actor, rowNumbers) {
    const found = actor.userId ? await findUserById(tx, actor.userId) : null;
    const user = found ? await loadPrincipal(tx, found) : null;
    if (!user || !(await isRegionManager(tx, user)))
      return { errors: [{ row: 1, message: "プロモーションの実績値を登録できるのは、情報ハブを所管する局の担当者です" }] };

    const byTag = await repo.findCampaignIdsByTag(tx, [...new Set(rows.flatMap((r) => (r.tag ? [r.tag] : [])))]);
    const byName = await repo.findCampaignIdsByName(tx, [...new Set(rows.flatMap((r) => (r.name ? [r.name] : [])))]);
    const errors: ImportError[] = [];
    const firstRowOf = new Map<string, number>();
    const resolved: (repo.MetricValues & { campaignId: string })[] = [];
    rows.forEach((r, i) => {
      const at = rowNumbers[i];
      let campaignId: string | null = null;
      if (r.tag) {
        const campaign = byTag.get(r.tag);
        if (!campaign) errors.push({ row: at, column: "タグ", message: `タグ ${r.tag} のプロモーションが見つかりません` });
        else if (r.name && campaign.name !== r.name)
          errors.push({ row: at, column: "キャンペーン名", message: `タグ ${r.tag} のプロモーションの名前は「${campaign.name}」です` });
        else campaignId = campaign.id;
      } else if (r.name) {
        const ids = byName.get(r.name) ?? [];
        if (ids.length === 0)
          errors.push({ row: at, column: "キャンペーン名", message: `「${r.name}」という名前のプロモーションが見つかりません` });
        else if (ids.length > 1)
          errors.push({
            row: at,
            column: "キャンペーン名",
            message: `「${r.name}」という名前のプロモーションが${ids.length}件あります。タグで指定してください`,
          });
        else campaignId = ids[0];
      }
      if (!campaignId) return;
      const key = `${campaignId}:${r.measuredOn}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        errors.push({
          row: at,
          column: "計測日",
          message: `同じプロモーションの${formatWareki(r.measuredOn)}の行が重複しています（${first}行目）`,
        });
        return;
      }
      firstRowOf.set(key, at);
      resolved.push({
        campaignId,
        measuredOn: r.measuredOn,
        impressions: nullable(r.impressions),
        reach: nullable(r.reach),
        views: nullable(r.views),
        engagements: nullable(r.engagements),
        linkClicks: nullable(r.linkClicks),
      });
    });
    if (errors.length > 0) return { errors };

    await repo.upsertMetrics(tx, resolved, "import");
    const campaigns = new Set(resolved.map((r) => r.campaignId)).size;
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "region_campaign_metric",
      summary: `プロモーションの実績値を一括登録（${resolved.length}件、プロモーション${campaigns}件）`,
      after: { rows: resolved.length, campaigns },
    });
    return { count: resolved.length, summary: `実績値${resolved.length}件を登録（プロモーション${campaigns}件）` };
  },
};
