// Rate limits count per fixed window (platform/auth/rate-limit.ts): a test that counts attempts within one waits,
// when a window is about to turn over, until the next has begun, so that its count is not cut in two.

/** For each [window, margin] in seconds: if the window ends within `margin`, wait until it has. */
export async function clearOfWindowEdges(windows: [windowSeconds: number, marginSeconds: number][]): Promise<void> {
  for (const [window, margin] of windows) {
    const left = window - ((Date.now() / 1000) % window);
    if (left < margin) await new Promise((resolve) => setTimeout(resolve, (left + 0.5) * 1000));
  }
}
