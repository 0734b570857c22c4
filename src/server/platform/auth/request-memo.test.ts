import { describe, expect, it } from "vitest";
import type { Principal } from "./permissions";
import { oncePerRequest, startRequestMemo } from "./request-memo";

const caller = (): Principal => ({
  id: "u",
  loginId: "u",
  displayName: "利用者",
  role: "editor",
  organisationId: "o",
  organisationName: "課",
  bureauId: null,
  bureauName: null,
});

describe("oncePerRequest", () => {
  it("reads once per key for a request's caller, and again for the next request's", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const first = startRequestMemo(caller());
    expect(await oncePerRequest(first, "k", read)).toBe(1);
    expect(await oncePerRequest(first, "k", read)).toBe(1);
    expect(await oncePerRequest(first, "other", read)).toBe(2);
    expect(await oncePerRequest(startRequestMemo(caller()), "k", read)).toBe(3);
  });

  it("reads every time for a caller no session lookup made, and for nobody", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const made = caller();
    await oncePerRequest(made, "k", read);
    await oncePerRequest(made, "k", read);
    await oncePerRequest(null, "k", read);
    expect(reads).toBe(3);
  });

  it("does not keep a failed read", async () => {
    const user = startRequestMemo(caller());
    await expect(oncePerRequest(user, "k", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await oncePerRequest(user, "k", async () => "ok")).toBe("ok");
  });
});
