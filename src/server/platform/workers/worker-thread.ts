// Heavy work (the PDFs of a 受領証明書 batch) runs in a worker thread: the thread that answers HTTP stays free, and
// the worker's heap has a hard limit, so running out of memory ends the worker with an error that the job reports,
// never the server. One request at a time; the worker stays up for the next one until it is closed.
// From the TypeScript sources (tests, tsx) the worker loads its entry through tsx (tsx-worker.mjs); the production
// bundle builds each entry to dist/<name>.mjs beside dist/cli.mjs (scripts/build.mjs).
import { parentPort, type Transferable, Worker } from "node:worker_threads";

export interface WorkerEntry {
  /** the bundle's name: dist/<name>.mjs */
  name: string;
  /** the entry's source file (new URL("./x-worker.ts", import.meta.url)) */
  source: URL;
}

/** The worker's heap went past its limit: the work is too large for one step, and the server is unharmed. */
export class WorkerOutOfMemory extends Error {
  constructor() {
    super("worker thread ran out of memory");
  }
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export class WorkerThread<Request, Response> {
  private readonly worker: Worker;
  private pending: { resolve(value: Response): void; reject(error: Error): void } | null = null;
  private ended: Error | null = null;

  constructor(entry: WorkerEntry, options: { maxHeapMb: number }) {
    const resourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb };
    this.worker = import.meta.url.endsWith(".ts")
      ? new Worker(new URL("./tsx-worker.mjs", import.meta.url), { workerData: { entry: entry.source.href }, resourceLimits })
      : new Worker(new URL(`./${entry.name}.mjs`, import.meta.url), { resourceLimits });
    this.worker.on("message", (reply: Reply<Response>) => {
      const pending = this.pending;
      this.pending = null;
      if (!pending) return;
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new Error(reply.error));
    });
    this.worker.on("error", (error: Error & { code?: string }) =>
      this.end(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new WorkerOutOfMemory() : error),
    );
    this.worker.on("exit", (code) => this.end(new Error(`worker thread exited (${code})`)));
  }

  private end(error: Error): void {
    this.ended ??= error;
    this.pending?.reject(error);
    this.pending = null;
  }

  call(request: Request, transfer: Transferable[] = []): Promise<Response> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.pending) return Promise.reject(new Error("worker thread is busy"));
    return new Promise<Response>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    this.ended ??= new Error("worker thread closed");
    await this.worker.terminate();
  }
}

/** In the worker: answers each request with `handle` (its value and the buffers to move rather than copy). */
export function serveRequests<Request, Response>(
  handle: (request: Request) => Promise<{ value: Response; transfer?: Transferable[] }>,
): void {
  const port = parentPort;
  if (!port) throw new Error("serveRequests runs in a worker thread");
  port.on("message", async (request: Request) => {
    try {
      const { value, transfer } = await handle(request);
      port.postMessage({ ok: true, value } satisfies Reply<Response>, transfer ?? []);
    } catch (error) {
      port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies Reply<Response>);
    }
  });
}
