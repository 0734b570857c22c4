// 寄附金受領証明書: the row types of the listings, the job's result, and the TanStack Query keys (all under
// "furusato", so invalidating furusatoKeys.all refreshes these too).
import { z } from "zod";
import type { certificateBatch, certificateCandidate, issuedCertificate } from "../../../common/api/furusato-followup";

export type Candidate = z.infer<typeof certificateCandidate>;
export type Batch = z.infer<typeof certificateBatch>;
export type Issued = z.infer<typeof issuedCertificate>;

export const batchResult = z.object({
  batchId: z.string().nullable(),
  count: z.number(),
  firstNumber: z.string().nullable(),
  lastNumber: z.string().nullable(),
});

export const certificateKeys = {
  all: ["furusato", "certificates"] as const,
  pending: (query: object) => ["furusato", "certificates", "pending", query] as const,
  batches: ["furusato", "certificates", "batches"] as const,
  issued: (query: object) => ["furusato", "certificates", "issued", query] as const,
  retention: ["furusato", "retention"] as const,
};
