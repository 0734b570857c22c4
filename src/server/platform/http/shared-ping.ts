// GET /api/health answers only after a real database round trip. Under load, the requests that arrive while a ping
// is in flight share the next ping, started after they arrived: each answer still proves the database answered after
// the request came in, and the database (PGlite has one connection) sees one ping per round trip, not one per request.

/** Wraps `ping` so that concurrent callers share a round trip that starts no earlier than their call. */
export function sharedPing(ping: () => Promise<void>): () => Promise<void> {
  let inFlight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const running: Promise<void> = ping().finally(() => {
      if (inFlight === running) inFlight = null;
    });
    inFlight = running;
    return running;
  };
  return () => {
    if (!inFlight) return start();
    // Not the ping in flight: it started before this call, so it proves nothing about the database now.
    queued ??= inFlight
      .catch(() => {})
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  };
}
