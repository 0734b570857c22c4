// Starts a worker thread from the TypeScript sources (tests, `tsx`): registers tsx in this thread, then loads the
// entry. The production bundle runs dist/workers/<name>.mjs directly instead (see worker-thread.ts).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
