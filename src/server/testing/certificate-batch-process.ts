// Test helper (certificates-batch.db.test.ts): one 受領証明書 batch in a process of its own, so that a test can kill
// that process half-way as a crash or the kernel's out-of-memory killer would. argv: database URL, user id, date of
// issue, certificates per file.
import { openPostgres } from "../db/database";
import { issueCertificates } from "../modules/furusato";

const [url, userId, today, perFile] = process.argv.slice(2);
const db = openPostgres(url);
await issueCertificates(db, { userId, label: "test" }, { from: null, to: null, portalCode: null, donationIds: null }, undefined, today, {
  perFile: Number(perFile),
});
await db.close();
