// Sample data of 金融連携 (every record is_sample): three fictional partner banks (external organisations with the
// codes sdgs-sample-bank-1..3, so that the administrator can add partner logins to them; the route × role matrix
// takes the first by sort order) and finance records for sample certified companies, each dated within the
// certification's validity. Called at the end of the module's sample data (demo.ts), inside its transaction.
import type { AmountBand, FinanceProductKind } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";
import { createOrganisation } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import * as repo from "./finance-repository";

export const SAMPLE_BANKS = [
  { code: "sdgs-sample-bank-1", name: "北九州みらい銀行（サンプル）" },
  { code: "sdgs-sample-bank-2", name: "響灘信用金庫（サンプル）" },
  { code: "sdgs-sample-bank-3", name: "関門銀行（サンプル）" },
] as const;

interface SampleFinance {
  bank: 0 | 1 | 2;
  /** the sample company's key (its organisation's code is sdgs-sample-<key>) */
  company: string;
  kind: FinanceProductKind;
  product: string;
  band: AmountBand;
  on: string;
  note?: string;
}

const SAMPLE_FINANCE: readonly SampleFinance[] = [
  {
    bank: 0,
    company: "hibiki",
    kind: "sll",
    product: "みらいサステナビリティ・リンク・ローン",
    band: "100m_500m",
    on: "2024-06-10",
    note: "KPI: 再エネ比率（サンプル）",
  },
  { bank: 0, company: "kokura-seiki", kind: "loan", product: "SDGs経営応援融資", band: "10m_50m", on: "2025-05-20" },
  { bank: 0, company: "murasaki-it", kind: "loan", product: "SDGs経営応援融資", band: "under_10m", on: "2026-05-12" },
  { bank: 1, company: "moji-unyu", kind: "guarantee", product: "サステナブル経営保証", band: "10m_50m", on: "2025-07-01" },
  { bank: 1, company: "kitaq-care", kind: "loan", product: "ひびき SDGsローン", band: "10m_50m", on: "2025-09-30" },
  { bank: 1, company: "wakato-recycle", kind: "sll", product: "ひびき SLL", band: "50m_100m", on: "2026-06-15" },
  { bank: 2, company: "kurosaki-denki", kind: "private_placement", product: "SDGs私募債", band: "100m_500m", on: "2026-04-20" },
  { bank: 2, company: "hibiki", kind: "loan", product: "関門グリーンローン", band: "50m_100m", on: "2025-11-10" },
];

export async function loadFinanceDemo(tx: Queryable): Promise<void> {
  if (await repo.hasBanks(tx)) return;
  const bankIds: string[] = [];
  for (const [index, bank] of SAMPLE_BANKS.entries()) {
    const organisationId = await createOrganisation(tx, { kind: "external", name: bank.name, code: bank.code, isSample: true });
    bankIds.push(await repo.insertBank(tx, { name: bank.name, organisationId, sortOrder: (index + 1) * 10, isSample: true }));
  }
  let links = 0;
  for (const plan of SAMPLE_FINANCE) {
    const certifications = await repo.findCertificationsOfOrganisationCode(tx, `sdgs-sample-${plan.company}`);
    // the certification valid on the date (never a revoked one)
    const certification = certifications.find((c) => c.status !== "revoked" && c.valid_from <= plan.on && plan.on <= c.valid_until);
    if (!certification) continue;
    await repo.insertFinance(
      tx,
      bankIds[plan.bank],
      {
        certificationId: certification.certification_id,
        companyId: certification.company_id,
        productKind: plan.kind,
        productName: plan.product,
        amountBand: plan.band,
        executedOn: plan.on,
        note: plan.note ?? "",
      },
      { createdBy: null, isSample: true },
    );
    links++;
  }
  await recordAudit(tx, DEMO_ACTOR, {
    action: "create",
    entityType: "sdgs_finance_link",
    summary: `金融連携のサンプルデータを作成（提携金融機関${SAMPLE_BANKS.length}行、融資等${links}件）`,
  });
}
