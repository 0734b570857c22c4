// 緯度/経度 read as a pair, because their faults are faults of the pair: swapped columns, one without the other, and
// the "unknown" markers publishers write. Decision (documented for editors in the manual): 0 and ±999 in either
// column mean "位置不明" — the item imports without a position (not on the map) and a note says so; in a dataset whose
// coordinates are required (指定緊急避難場所) that then becomes a required_missing problem. Pure.
import { readDecimal } from "./column-values";
import { quoted, type ValueProblem } from "./problems";

/** Japan's extent (decimal degrees), generous: 南鳥島 to 択捉島, 与那国島 to 南鳥島. */
const JAPAN = { latMin: 20, latMax: 46, lonMin: 122, lonMax: 154 };
const UNKNOWN_MARKERS = new Set([0, 999, -999]);

export interface CoordinateResult {
  lat: string;
  lon: string;
  problems: { column: string; problem: ValueProblem }[];
  note?: string;
}

const inJapanLat = (v: number) => v >= JAPAN.latMin && v <= JAPAN.latMax;
const inJapanLon = (v: number) => v >= JAPAN.lonMin && v <= JAPAN.lonMax;

export function readCoordinates(latColumn: string, lonColumn: string, rawLat: string, rawLon: string): CoordinateResult {
  const latText = rawLat.trim();
  const lonText = rawLon.trim();
  const none: CoordinateResult = { lat: "", lon: "", problems: [] };
  if (latText === "" && lonText === "") return none;
  const lat = latText === "" ? "" : readDecimal(latText);
  const lon = lonText === "" ? "" : readDecimal(lonText);
  const problems: CoordinateResult["problems"] = [];
  if (lat === null)
    problems.push({
      column: latColumn,
      problem: {
        code: "invalid_lat",
        message: `${quoted(latColumn, rawLat)}は緯度として読めません。33.8834 のように10進数の度で入力してください。`,
      },
    });
  if (lon === null)
    problems.push({
      column: lonColumn,
      problem: {
        code: "invalid_lon",
        message: `${quoted(lonColumn, rawLon)}は経度として読めません。130.8752 のように10進数の度で入力してください。`,
      },
    });
  if (lat === null || lon === null) return { lat: lat ?? latText, lon: lon ?? lonText, problems };

  if ((lat !== "" && UNKNOWN_MARKERS.has(Number(lat))) || (lon !== "" && UNKNOWN_MARKERS.has(Number(lon))))
    return {
      ...none,
      note: `緯度・経度が「${latText}」「${lonText}」（位置不明を表す値）のため、位置を空欄にしました（地図には出ません）。`,
    };

  if (lat === "" || lon === "") {
    const missing = lat === "" ? latColumn : lonColumn;
    problems.push({
      column: missing,
      problem: {
        code: "lat_lon_incomplete",
        message: `「${missing}」が空欄です。緯度と経度は両方を入力するか、両方を空欄にしてください。`,
      },
    });
    return { lat, lon, problems };
  }

  const latNumber = Number(lat);
  const lonNumber = Number(lon);
  if (inJapanLon(latNumber) && inJapanLat(lonNumber)) {
    problems.push({
      column: latColumn,
      problem: {
        code: "lat_lon_swapped",
        message: `緯度「${lat}」と経度「${lon}」が入れ替わっているようです（日本の緯度は20〜46度、経度は122〜154度）。入れ替えて保存してください。`,
      },
    });
    return { lat, lon, problems };
  }
  if (latNumber < -90 || latNumber > 90)
    problems.push({
      column: latColumn,
      problem: { code: "lat_out_of_range", message: `${quoted(latColumn, lat)}は緯度の範囲（-90〜90度）にありません。` },
    });
  if (lonNumber < -180 || lonNumber > 180)
    problems.push({
      column: lonColumn,
      problem: { code: "lon_out_of_range", message: `${quoted(lonColumn, lon)}は経度の範囲（-180〜180度）にありません。` },
    });
  if (problems.length === 0 && !(inJapanLat(latNumber) && inJapanLon(lonNumber)))
    problems.push({
      column: latColumn,
      problem: {
        code: "coordinates_outside_japan",
        message: `緯度「${lat}」・経度「${lon}」は日本の外を指しています。地図で位置を確かめて入力し直してください。`,
      },
    });
  return { lat, lon, problems };
}
