import { describe, expect, it } from "vitest";
import { loggedPath } from "./logged-path";

describe("loggedPath", () => {
  it("masks an invitation's token in the API and in the page path", () => {
    expect(loggedPath("/api/public/sdgs/invitations/Zm9vYmFyLXRva2VuLXRoYXQtaXMtc2VjcmV0")).toBe("/api/public/sdgs/invitations/***");
    expect(loggedPath("/public/sdgs/invitation/abcDEF123_-x")).toBe("/public/sdgs/invitation/***");
  });

  it("keeps record ids and other paths as they are", () => {
    const id = "0b7c6a3e-1f2d-4c5b-9a8e-7d6c5b4a3f21";
    expect(loggedPath(`/api/sdgs/invitations/${id}/reissue`)).toBe(`/api/sdgs/invitations/${id}/reissue`);
    expect(loggedPath("/api/sdgs/invitations/import")).toBe("/api/sdgs/invitations/import");
    expect(loggedPath("/api/sdgs/invitations")).toBe("/api/sdgs/invitations");
    expect(loggedPath("/api/international/trips")).toBe("/api/international/trips");
  });
});
