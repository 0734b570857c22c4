// furusato.certificates_300k: one unfiltered 受領証明書 batch of 300,000 paid donations on PostgreSQL
// (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a throw-away database is created and dropped),
// as `POST /api/furusato/certificates/batches {}` runs it: donations read 1,000 at a time, one PDF per 1,000
// certificates rendered in a worker thread, each stored at once as a part of one zip, all issued in one transaction
// at the end. Then the zip is streamed out as a download would read it.
//
// The batch runs in a child process of its own (bench/certificates-child.ts, no enlarged heap, as the server runs),
// so that its peak resident memory is its own: furusato.certificates_300k.peak_rss_mb (goal: under 500 MB) comes from
// the same run as the time. No floor: nothing simpler makes 300,000 certificates.
import { spawn } from "node:child_process";
import type { TestDb } from "../src/server/testing/db";
import { createTestDb } from "../src/server/testing/db";
import { buildLedgerCity } from "../src/server/testing/furusato-ledger";
import { type Bench, log, repoRoot } from "./harness";

const DONATIONS = 300_000;
const TODAY = "2026-01-15";

interface Measured {
  count: number;
  issueMs: number;
  downloadMs: number;
  zipBytes: number;
  issuePeakRssMb: number;
  peakRssMb: number;
  sampledPeakRssMb: number;
}

async function postgresDb(): Promise<TestDb> {
  process.env.TEST_DB_KIND = "postgres";
  process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
  return createTestDb();
}

/** 300,000 paid donations over the 年度, with names and addresses of many different characters (the font subset grows with them). */
async function seed(t: TestDb): Promise<string> {
  const city = await buildLedgerCity(t.db);
  await t.db.exec(`INSERT INTO furusato_donations (portal_code, order_number, applied_on, paid_on, donated_on, fiscal_year,
      payment_method, amount, status, donor_name, donor_postal_code, donor_address, row_hash)
    SELECT (ARRAY['rakuten', 'ana', 'ledghome', 'soumu'])[1 + n % 4], 'C' || lpad(n::text, 7, '0'), d, d, d, 2025,
           'クレジットカード', 5000 + (n % 40) * 1000, '入金済',
           (ARRAY['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山田','佐々木','山口','松本','井上','木村','林','斎藤','清水','髙橋','齋藤','濵田','渡邉'])[1 + n % 24]
             || ' ' || (ARRAY['太郎','花子','一郎','美咲','翔太','陽菜','結衣','大翔','蓮','悠真','湊','樹','𠮷男','凜','葵','颯'])[1 + (n / 24) % 16],
           lpad((n % 1000)::text, 3, '0') || '-' || lpad((n % 10000)::text, 4, '0'),
           (ARRAY['北海道札幌市中央区','宮城県仙台市青葉区','東京都千代田区丸の内','神奈川県横浜市西区','愛知県名古屋市中村区','大阪府大阪市北区梅田','京都府京都市下京区','広島県広島市中区','福岡県北九州市小倉北区','鹿児島県鹿児島市'])[1 + n % 10]
             || (1 + n % 9) || '-' || (1 + n % 30) || '-' || (1 + n % 17),
           'h'
      FROM generate_series(1, ${DONATIONS}) AS n, LATERAL (SELECT date '2025-04-01' + (n % 270) AS d) AS day`);
  await t.db.query("VACUUM ANALYZE furusato_donations");
  return city.editor.id;
}

function runChild(url: string, userId: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/certificates-child.ts", url, userId, TODAY], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code !== 0) return reject(new Error(`certificates-child ended with ${signal ?? `exit code ${code}`}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      } catch (error) {
        reject(error);
      }
    });
  });
}

let measured: Promise<Measured> | null = null;

/** One run serves both results (selecting `furusato.certificates_300k` runs both; either alone runs it once). */
function measure(): Promise<Measured> {
  measured ??= (async () => {
    const t = await postgresDb();
    try {
      const userId = await seed(t);
      log(`${DONATIONS} donations ready; issuing (about 3 ms a certificate on these machines)`);
      const result = await runChild(t.url!, userId);
      if (result.count !== DONATIONS) throw new Error(`issued ${result.count} certificates, expected ${DONATIONS}`);
      log(
        `issued ${result.count} in ${(result.issueMs / 1000).toFixed(0)} s; zip ${(result.zipBytes / 1e6).toFixed(0)} MB streamed out in ${(result.downloadMs / 1000).toFixed(1)} s; ` +
          `peak rss ${result.peakRssMb.toFixed(0)} MB (issuing ${result.issuePeakRssMb.toFixed(0)} MB, sampled ${result.sampledPeakRssMb} MB)`,
      );
      return result;
    } finally {
      await t.cleanup();
    }
  })();
  return measured;
}

export default [
  {
    name: "furusato.certificates_300k",
    description:
      "one unfiltered 受領証明書 batch of 300,000 donations (PostgreSQL): 300 PDFs of 1,000 pages in one zip, stored in parts and issued; wall time of the batch in its own process (15–40 min on these machines)",
    async run() {
      return { value: (await measure()).issueMs, unit: "ms" };
    },
  },
  {
    name: "furusato.certificates_300k.peak_rss_mb",
    description: "peak resident memory of that process (batch and the zip streamed out; goal: under 500 MB)",
    async run() {
      return { value: (await measure()).peakRssMb, unit: "MB" };
    },
  },
] satisfies Bench[];
