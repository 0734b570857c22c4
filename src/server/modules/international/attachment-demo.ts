// Sample attachments of the 国際 module: a poster on the 大連市 anniversary project and a photo on the report of the
// completed trip to its ceremony, each named （サンプル）. Both are small PNGs drawn here (a few kilobytes, a
// millisecond): a first start renders no PDF for them.
import { crc32, deflateSync } from "node:zlib";
import type { Db } from "../../db/database";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { storeFile } from "../../platform/files/files";
import { findSampleProjectByName, findSampleTripByTitle } from "./attachment-repository";

type Rgb = readonly [number, number, number];

/** A PNG (8-bit RGB, no interlace) of width × height, each pixel from `paint`. */
export function drawPng(width: number, height: number, paint: (x: number, y: number) => Rgb): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** A poster: a navy band, a red sun on white, a gold rule below. */
function poster(): Uint8Array {
  return drawPng(240, 320, (x, y) => {
    if (y < 56) return [28, 63, 143];
    if (y > 280) return y < 288 ? [201, 162, 39] : [28, 63, 143];
    const dx = x - 120;
    const dy = y - 160;
    return dx * dx + dy * dy < 62 * 62 ? [200, 32, 46] : [250, 248, 242];
  });
}

/** A "photo" of the ceremony: sky, a hall with a red carpet, a lawn. */
function ceremony(): Uint8Array {
  return drawPng(320, 200, (x, y) => {
    if (y > 150) return [86, 140, 74];
    if (x > 70 && x < 250 && y > 60) {
      if (x > 140 && x < 180 && y > 110) return [176, 30, 42];
      return (x - 70) % 30 < 4 ? [205, 200, 190] : [232, 228, 218];
    }
    const t = y / 150;
    return [Math.round(120 + 90 * t), Math.round(170 + 60 * t), 235];
  });
}

const SAMPLES = [
  {
    project: "大連市友好都市締結45周年記念事業",
    name: "記念事業ポスター（サンプル）.png",
    bytes: poster,
  },
  {
    trip: "大連市友好都市締結45周年記念式典への訪問",
    name: "記念式典の写真（サンプル）.png",
    bytes: ceremony,
  },
] as const;

export async function loadAttachmentDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const sample of SAMPLES) {
      if ("project" in sample) {
        const project = await findSampleProjectByName(tx, sample.project);
        if (!project) continue;
        const stored = await storeFile(tx, {
          name: sample.name,
          mimeType: "image/png",
          bytes: sample.bytes(),
          createdBy: null,
          owner: { kind: "international.project", id: project.id, purpose: "attachment", organisationId: project.owner_organisation_id },
        });
        await recordAudit(tx, DEMO_ACTOR, {
          action: "attach_file",
          entityType: "international_project",
          entityId: project.id,
          summary: `国際関連事業「${project.name}」に資料「${stored.name}」を添付`,
          after: { fileId: stored.id, name: stored.name },
        });
      } else {
        const trip = await findSampleTripByTitle(tx, sample.trip);
        if (!trip) continue;
        const stored = await storeFile(tx, {
          name: sample.name,
          mimeType: "image/png",
          bytes: sample.bytes(),
          createdBy: null,
          owner: { kind: "international.trip", id: trip.id, purpose: "report_attachment", organisationId: trip.owner_organisation_id },
        });
        await recordAudit(tx, DEMO_ACTOR, {
          action: "attach_file",
          entityType: "international_trip",
          entityId: trip.id,
          summary: `海外出張「${sample.trip}」の報告書に「${stored.name}」を添付`,
          after: { section: "report", fileId: stored.id, name: stored.name },
        });
      }
    }
  });
}
