import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../paths";
import { samplePolicyText } from "./demo";

const SEED = path.join(projectRoot, "..", "shared", "seed", "000_995f59e5fc06ae31.txt");

describe("the shipped sample policy document", () => {
  // The demo data and the parser tests use the copy in the repository, so they run on a bare clone too.
  it.runIf(existsSync(SEED))("is the bureau's document byte for byte", () => {
    expect(samplePolicyText()).toBe(readFileSync(SEED, "utf8"));
  });
});
