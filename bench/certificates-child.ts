// The process that bench/certificates.bench.ts measures (furusato.certificates_300k): it issues one unfiltered
// 受領証明書 batch, as the job does, on the PostgreSQL database named in argv, then streams the stored zip out as a
// download would. Its own peak resident memory (process.resourceUsage().maxRSS: the main thread and the rendering
// worker thread together) is the number that matters; rss is also sampled for the log. One JSON line on stdout.
import { openPostgres } from "../src/server/db/database";
import { issueCertificates } from "../src/server/modules/furusato/ledger/certificates";
import { fileContentStream } from "../src/server/platform/files/files";

const [url, userId, today] = process.argv.slice(2);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
let sampledPeak = 0;
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}, 200);

const db = openPostgres(url);
const started = performance.now();
let lastLog = 0;
const result = await issueCertificates(
  db,
  { userId, label: "bench" },
  { from: null, to: null, portalCode: null, donationIds: null },
  async (done, total) => {
    if (performance.now() - lastLog > 30_000) {
      lastLog = performance.now();
      process.stderr.write(`  ${done} / ${total ?? "?"} certificates, rss ${mb(process.memoryUsage().rss)} MB\n`);
    }
  },
  today,
);
const issueMs = performance.now() - started;
const issuePeakMb = process.resourceUsage().maxRSS / 1024;

const { rows } = await db.query<{ file_id: string; size_bytes: number }>(
  "SELECT b.file_id, f.size_bytes FROM furusato_certificate_batches b JOIN files f ON f.id = b.file_id WHERE b.id = $1",
  [result.batchId],
);
const downloadStarted = performance.now();
let downloaded = 0;
const reader = fileContentStream(db, rows[0].file_id).getReader();
for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) downloaded += chunk.value.length;
const downloadMs = performance.now() - downloadStarted;
if (downloaded !== rows[0].size_bytes) throw new Error(`downloaded ${downloaded} of ${rows[0].size_bytes} bytes`);

clearInterval(sampler);
await db.close();
process.stdout.write(
  `${JSON.stringify({
    count: result.count,
    firstNumber: result.firstNumber,
    lastNumber: result.lastNumber,
    issueMs,
    downloadMs,
    zipBytes: rows[0].size_bytes,
    issuePeakRssMb: issuePeakMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakRssMb: mb(sampledPeak),
  })}\n`,
);
