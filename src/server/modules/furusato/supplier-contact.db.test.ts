// Item 12: suppliers' 担当者, 電話番号, メール and 振込先 can be edited — by the module's managers for any supplier, by a
// supplier's own login for its own contact (not another's, and not the 振込先) — with validation, an audit trail
// that names what changed without holding the values, and the 口座番号 masked where lists show it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskAccountNumber } from "../../../common/api/furusato";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setFurusatoOwner } from "./access";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let manager: TestClient;
let viewer: TestClient;
let supplier: TestClient;
let ownId: string;
let otherId: string;

const blank = { contactName: "", contactPhone: "", contactEmail: "", address: "", bank: {} };
const bank = { bankName: "北九州銀行", branchName: "小倉支店", accountType: "普通", accountNumber: "1234567", accountHolder: "ｺｸﾗﾁｸｻﾝ" };

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  ownId = (await manager.post("/api/furusato/suppliers", { ...blank, code: "KC", name: "小倉畜産" })).body.id;
  otherId = (await manager.post("/api/furusato/suppliers", { ...blank, code: "YC", name: "八幡果樹園" })).body.id;
  expect(
    (
      await manager.post(`/api/furusato/suppliers/${ownId}/users`, {
        loginId: "kc-staff",
        displayName: "小倉 担当",
        password: "Kokura-beef-2025",
      })
    ).status,
  ).toBe(200);
  supplier = await t.login("kc-staff", "Kokura-beef-2025");
});
afterAll(() => t.cleanup());

describe("item 12: suppliers' contact and 振込先", () => {
  it("item 12: a manager edits 担当者・電話番号・メール and the change is audited without the values", async () => {
    const saved = await manager.put(`/api/furusato/suppliers/${ownId}/contact`, {
      contactName: "小倉 花子",
      contactPhone: "０９３－１１１－２２２２",
      contactEmail: "hanako@example.jp",
      address: "北九州市小倉南区",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ contactName: "小倉 花子", contactPhone: "093-111-2222", contactEmail: "hanako@example.jp" });
    const { rows } = await t.db.query<{ summary: string; after: unknown }>(
      "SELECT summary, after FROM audit_log WHERE entity_id = $1 AND action = 'update' ORDER BY id",
      [ownId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].summary).toBe("事業者「小倉畜産」の連絡先を変更（担当者名・電話番号・メールアドレス・所在地）");
    expect(JSON.stringify(rows[0])).not.toContain("hanako");
    expect(JSON.stringify(rows[0])).not.toContain("111");
  });

  it("item 12: refuses a malformed phone number or e-mail with a Japanese message on the field", async () => {
    const badPhone = await manager.put(`/api/furusato/suppliers/${ownId}/contact`, {
      contactName: "",
      contactPhone: "093-111-222A",
      contactEmail: "",
      address: "",
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields.contactPhone).toContain("数字とハイフン");
    const shortPhone = await manager.put(`/api/furusato/suppliers/${ownId}/contact`, {
      contactName: "",
      contactPhone: "093-111",
      contactEmail: "",
      address: "",
    });
    expect(shortPhone.status).toBe(400);
    const badMail = await manager.put(`/api/furusato/suppliers/${ownId}/contact`, {
      contactName: "",
      contactPhone: "",
      contactEmail: "hanako@",
      address: "",
    });
    expect(badMail.body.error.fields.contactEmail).toContain("メールアドレス");
  });

  it("item 12: a manager sets the 振込先: 7-digit number, カナ holder, and the audit holds no bank data", async () => {
    const saved = await manager.put(`/api/furusato/suppliers/${ownId}/bank`, bank);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // 半角カナ is stored as 全角
    expect(saved.body.bank).toEqual({ ...bank, accountHolder: "コクラチクサン" });
    const { rows } = await t.db.query<{ summary: string; after: unknown }>(
      "SELECT summary, after FROM audit_log WHERE entity_id = $1 AND summary LIKE '%振込先%'",
      [ownId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].summary).toBe("事業者「小倉畜産」の振込先を変更（金融機関名・支店名・口座種別・口座番号・口座名義（カナ））");
    for (const secret of ["1234567", "北九州銀行", "コクラ", "小倉支店"]) expect(JSON.stringify(rows[0])).not.toContain(secret);

    const wrong = await manager.put(`/api/furusato/suppliers/${ownId}/bank`, {
      ...bank,
      accountNumber: "123456",
      accountHolder: "小倉畜産",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.accountNumber).toBe("口座番号は7桁の数字で入力してください。");
    expect(wrong.body.error.fields.accountHolder).toContain("カタカナ");
    expect((await manager.put(`/api/furusato/suppliers/${ownId}/bank`, { ...bank, accountType: "外貨" })).status).toBe(400);
  });

  it("item 12: a supplier's login edits its own contact, not another supplier's, and never the 振込先", async () => {
    const own = await supplier.put(`/api/furusato/suppliers/${ownId}/contact`, {
      contactName: "小倉 次郎",
      contactPhone: "09011112222",
      contactEmail: "",
      address: "北九州市小倉南区",
    });
    expect(own.status).toBe(200);
    expect(own.body.contactName).toBe("小倉 次郎");
    expect(own.body.bank).toMatchObject({ accountNumber: "1234567" }); // its own 振込先 it may read
    const other = await supplier.put(`/api/furusato/suppliers/${otherId}/contact`, {
      contactName: "乗っ取り",
      contactPhone: "",
      contactEmail: "",
      address: "",
    });
    expect(other.status).toBe(404);
    expect((await supplier.put(`/api/furusato/suppliers/${ownId}/bank`, bank)).status).toBe(403);
    expect(
      (await viewer.put(`/api/furusato/suppliers/${ownId}/contact`, { contactName: "", contactPhone: "", contactEmail: "", address: "" }))
        .status,
    ).toBe(403);
    const { rows } = await t.db.query<{ contact_name: string }>("SELECT contact_name FROM furusato_suppliers WHERE id = $1", [otherId]);
    expect(rows[0].contact_name).toBe("");
  });

  it("item 12: 口座番号 is masked to its last three digits where lists show it", () => {
    expect(maskAccountNumber("1234567")).toBe("＊＊＊＊567");
  });
});
