import { describe, expect, it } from "vitest";
import { sharedPing } from "./shared-ping";

/** A ping whose round trips the test ends by hand. */
function manualPing() {
  const pending: { started: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let clock = 0;
  const ping = () =>
    new Promise<void>((resolve, reject) => {
      pending.push({ started: clock, resolve, reject });
    });
  return { ping, pending, tick: () => ++clock };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("sharedPing: every health answer waits for a round trip that started after the request", () => {
  it("a lone call pings at once", async () => {
    const m = manualPing();
    const shared = sharedPing(m.ping);
    const answer = shared();
    expect(m.pending).toHaveLength(1);
    m.pending[0].resolve();
    await expect(answer).resolves.toBeUndefined();
  });

  it("calls during a ping wait for the next one, which they share", async () => {
    const m = manualPing();
    const shared = sharedPing(m.ping);
    let firstDone = false;
    let laterDone = 0;
    shared().then(() => {
      firstDone = true;
    });
    m.tick();
    for (let i = 0; i < 5; i++)
      shared().then(() => {
        laterDone++;
      });
    expect(m.pending).toHaveLength(1);
    m.pending[0].resolve();
    await settled();
    expect(firstDone).toBe(true);
    expect(laterDone).toBe(0); // the first ping started before they came
    expect(m.pending).toHaveLength(2);
    expect(m.pending[1].started).toBe(1);
    m.pending[1].resolve();
    await settled();
    expect(laterDone).toBe(5);
    expect(m.pending).toHaveLength(2);
  });

  it("a failed ping fails the callers that shared it, and the next call pings again", async () => {
    const m = manualPing();
    const shared = sharedPing(m.ping);
    const first = shared();
    const second = shared();
    m.pending[0].reject(new Error("down"));
    await expect(first).rejects.toThrow("down");
    await settled();
    m.pending[1].reject(new Error("still down"));
    await expect(second).rejects.toThrow("still down");
    const third = shared();
    expect(m.pending).toHaveLength(3);
    m.pending[2].resolve();
    await expect(third).resolves.toBeUndefined();
  });
});
