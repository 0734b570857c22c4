// The world map puts partner cities where they are (the boundary file and the projections agree with real
// coordinates), sizes points by their counts, and keeps two labels on one spot apart.
import { describe, expect, it } from "vitest";
import type { MapPoint } from "../../../common/api/international";
import { inInset, placeLabels, pointRadius, projectOnMaps } from "./WorldMap";

const DALIAN = [121.6147, 38.914] as const;
const TIANJIN = [117.3616, 39.3434] as const;
const KAOHSIUNG = [120.3014, 22.6273] as const;
const BUSAN = [129.0756, 35.1796] as const;
const TACOMA = [-122.4443, 47.2529] as const;
const NORFOLK = [-76.2859, 36.8508] as const;

describe("world map", () => {
  it("draws Tacoma on the west coast and Norfolk on the east coast of the US, both north-west of the picture's centre", () => {
    const tacoma = projectOnMaps(...TACOMA);
    const norfolk = projectOnMaps(...NORFOLK);
    const [w, h] = tacoma.worldSize;
    expect(tacoma.world?.[0]).toBeLessThan(norfolk.world?.[0] ?? 0);
    expect(tacoma.world?.[0]).toBeLessThan(w * 0.25);
    expect(tacoma.world?.[1]).toBeLessThan(h / 2);
    expect(tacoma.inset).toBeNull();
  });

  it("enlarges East Asia: Dalian north-east of Tianjin, Kaohsiung far south, Busan east of them all", () => {
    const dalian = projectOnMaps(...DALIAN).inset;
    const tianjin = projectOnMaps(...TIANJIN).inset;
    const kaohsiung = projectOnMaps(...KAOHSIUNG).inset;
    const busan = projectOnMaps(...BUSAN);
    expect(dalian && tianjin && kaohsiung && busan.inset).toBeTruthy();
    if (!dalian || !tianjin || !kaohsiung || !busan.inset) return;
    expect(dalian[0]).toBeGreaterThan(tianjin[0]);
    expect(dalian[1]).toBeGreaterThan(tianjin[1] - 15); // about the same latitude (38.9° against 39.3°)
    expect(kaohsiung[1]).toBeGreaterThan(dalian[1] + 200);
    expect(busan.inset[0]).toBeGreaterThan(dalian[0]);
    const [iw, ih] = busan.insetSize;
    for (const [x, y] of [dalian, tianjin, kaohsiung, busan.inset]) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(iw);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(ih);
    }
    expect(inInset({ longitude: 106.6881, latitude: 20.8449 })).toBe(false); // ハイフォン: on the world map
  });

  it("grows a point with its count, within bounds", () => {
    expect(pointRadius(0)).toBe(5);
    expect(pointRadius(4)).toBeGreaterThan(pointRadius(1));
    expect(pointRadius(1000)).toBe(18);
  });

  it("keeps the labels of two partners in one spot apart", () => {
    const point = (partnerId: string, label: string): MapPoint => ({
      partnerId,
      label,
      country: "台湾",
      relation: "agreement",
      latitude: 22.6,
      longitude: 120.3,
      projects: 1,
      trips: 0,
    });
    const boxes = placeLabels(
      [
        { point: point("a", "高雄市"), x: 100, y: 400, r: 6 },
        { point: point("b", "高雄市 高雄市政府観光局"), x: 100.5, y: 400.2, r: 6 },
      ],
      13,
      520,
    );
    const a = boxes.get("a");
    const b = boxes.get("b");
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    expect(overlap).toBe(false);
  });
});
