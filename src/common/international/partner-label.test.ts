import { describe, expect, it } from "vitest";
import { partnerLabel, partnerName } from "./partner-label";

describe("partner names", () => {
  it("names a city partner by its city, with the country in lists", () => {
    const dalian = { country: "中国", city: "大連市", organisation: "" };
    expect(partnerName(dalian)).toBe("大連市");
    expect(partnerLabel(dalian)).toBe("大連市（中国）");
  });

  it("adds the organisation after the city when the partner is an organisation in it", () => {
    const office = { country: "台湾", city: "高雄市", organisation: "高雄市政府観光伝播局" };
    expect(partnerName(office)).toBe("高雄市 高雄市政府観光伝播局");
    expect(partnerLabel(office)).toBe("高雄市 高雄市政府観光伝播局（台湾）");
  });
});
