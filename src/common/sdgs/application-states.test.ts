// 申請の状態と移り方: the moves each actor may make from each state, the company editing only while the application
// is with it, and the message for a refused move.
import { describe, expect, it } from "vitest";
import { APPLICATION_MOVES, APPLICATION_STATUSES, canMove, companyMayEdit, MOVE_RULES, moveRefusal, movesFrom } from "./application-states";

describe("application states", () => {
  it("the company submits a draft or a returned application and withdraws until screening starts", () => {
    expect(movesFrom("draft", "company")).toEqual(["submit", "withdraw"]);
    expect(movesFrom("returned", "company")).toEqual(["submit", "withdraw"]);
    expect(movesFrom("submitted", "company")).toEqual(["withdraw"]);
    expect(movesFrom("screening", "company")).toEqual([]);
  });

  it("staff screen, return, send to review and to the committee", () => {
    expect(movesFrom("submitted", "staff")).toEqual(["start_screening", "return"]);
    expect(movesFrom("screening", "staff")).toEqual(["return", "to_review"]);
    expect(movesFrom("review", "staff")).toEqual(["to_committee"]);
    expect(movesFrom("committee", "committee")).toEqual(["certify", "refuse"]);
  });

  it("the full path: draft → submitted → returned → submitted → screening → review → committee → certified", () => {
    const path = ["submit", "start_screening", "return", "submit", "start_screening", "to_review", "to_committee", "certify"] as const;
    let state: (typeof APPLICATION_STATUSES)[number] = "draft";
    for (const move of path) {
      expect(canMove(state, move), `${state} → ${move}`).toBe(true);
      state = MOVE_RULES[move].to;
    }
    expect(state).toBe("certified");
  });

  it("decided and withdrawn applications are final: no move from them", () => {
    for (const final of ["certified", "refused", "withdrawn"] as const)
      for (const move of APPLICATION_MOVES) expect(canMove(final, move), `${final} ${move}`).toBe(false);
  });

  it("a return and a refusal need a comment", () => {
    expect(APPLICATION_MOVES.filter((m) => MOVE_RULES[m].needsComment)).toEqual(["return", "refuse"]);
  });

  it("the company edits only a draft or a returned application", () => {
    expect(APPLICATION_STATUSES.filter(companyMayEdit)).toEqual(["draft", "returned"]);
  });

  it("says which move is refused from which state", () => {
    expect(moveRefusal("certified", "submit")).toBe("「認証」の申請は「提出する」ことができません。");
  });
});
