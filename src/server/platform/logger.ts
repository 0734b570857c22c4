// Structured logs (pino, JSON lines). Personal data never reaches them: request bodies and query strings are not
// logged at all, and the redact list below covers the fields that could still slip into a logged object.
import pino from "pino";

export const REDACTED_PATHS = [
  "password",
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.passwordHash",
  "*.token",
  "*.email",
  "*.address",
  "*.phone",
  "*.donorName",
  // ふるさと納税 donors (DonationRecord and furusato_donations rows), should one ever reach a log line
  "*.donor",
  "*.shipTo",
  "*.donor_name",
  "*.donor_kana",
  "*.donor_address",
  "*.donor_phone",
  "*.donor_email",
  "*.ship_name",
  "*.ship_address",
  "*.ship_phone",
  "headers.cookie",
  "headers.authorization",
  'headers["x-csrf-token"]',
];

export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[秘匿]" }, base: { app: "yokogushi" } }, destination);
}
