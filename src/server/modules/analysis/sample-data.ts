// Sample data of the 経営分析 module (filled in by its author): subjects, peers, figures, analyses and actions.
import type { Db } from "../../db/database";

export async function loadAnalysisSamples(_db: Db): Promise<void> {}
