// Distances and boxes on the map of the 北九州都市圏域, for the public search's place filters (near a point within N
// km, a bounding box of the map). Pure: the server turns them into SQL, the pages into map views.

/** A box of the map in degrees: west/east longitude, south/north latitude. */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance in km (haversine): good to a few metres at the region's scale. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The smallest lat/lon box that holds every point within `km` of the centre (the search narrows by it through an
 * index, then keeps the points whose distance is within `km`).
 */
export function boxAround(center: { lat: number; lon: number }, km: number): BoundingBox {
  const dLat = (km / EARTH_RADIUS_KM) * (180 / Math.PI);
  const cosLat = Math.max(0.01, Math.cos(toRadians(center.lat)));
  const dLon = dLat / cosLat;
  return {
    west: Math.max(-180, center.lon - dLon),
    south: Math.max(-90, center.lat - dLat),
    east: Math.min(180, center.lon + dLon),
    north: Math.min(90, center.lat + dLat),
  };
}

/** "west,south,east,north" (the form the API and the hub's links carry) → a box, or null when it is not one. */
export function parseBoundingBox(text: string): BoundingBox | null {
  const parts = text.split(",").map((part) => part.trim());
  if (parts.length !== 4 || parts.some((part) => !/^-?\d{1,3}(\.\d{1,8})?$/.test(part))) return null;
  const [west, south, east, north] = parts.map(Number);
  if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) return null;
  return { west, south, east, north };
}

export function formatBoundingBox(box: BoundingBox): string {
  const round = (value: number) => String(Math.round(value * 10_000) / 10_000);
  return [box.west, box.south, box.east, box.north].map(round).join(",");
}
