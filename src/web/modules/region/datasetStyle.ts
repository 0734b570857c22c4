// One colour per dataset, shared by the badges, the map's points and its legend: dark enough for text on white
// (≥ 4.5:1) and for a point on the map's land (≥ 3:1). The kind is always written beside it too (never colour alone).
import type { DatasetKey } from "../../../common/region/datasets";

export const DATASET_COLOURS: Record<DatasetKey, string> = {
  tourism: "#c92a2a",
  event: "#5f3dc4",
  public_facility: "#1864ab",
  cultural_property: "#7c4a03",
  preschool: "#087f5b",
  evacuation_space: "#c2255c",
  aed: "#343a40",
};
