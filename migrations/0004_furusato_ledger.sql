-- ふるさと納税 (furusato module), ledger half: donations imported from every portal's order file through a mapping
-- the city configures, the work that follows a donation (出荷依頼, ワンストップ特例, 受領証明書) and the cost ledger.
-- Donor personal data lives only in furusato_donations and is anonymised after the retention period.

-- 寄附金の使い道 (master): portals name them differently, value maps translate to these codes
CREATE TABLE furusato_fund_uses (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false
);

-- 取込設定: how one portal's order file maps onto a donation (headings, value maps), configured by staff
CREATE TABLE furusato_donation_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_code text NOT NULL REFERENCES furusato_portals (code),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  config jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One imported file. The file's hash is recorded in the same transaction as its rows: a retry after a crash knows
-- whether the file already landed, and the same file twice adds nothing.
CREATE TABLE furusato_donation_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_code text NOT NULL REFERENCES furusato_portals (code),
  mapping_id uuid NOT NULL REFERENCES furusato_donation_mappings (id),
  file_id uuid REFERENCES files (id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  row_count integer NOT NULL,
  created_count integer NOT NULL,
  updated_count integer NOT NULL,
  unchanged_count integer NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (portal_code, file_sha256)
);

-- 寄附: one order on one portal. donated_on is the 寄附日 (card: application date; transfer: payment date).
CREATE TABLE furusato_donations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  portal_code text NOT NULL REFERENCES furusato_portals (code),
  order_number text NOT NULL CHECK (length(order_number) BETWEEN 1 AND 100),
  applied_on date NOT NULL,
  paid_on date,
  donated_on date NOT NULL,
  -- 年度 of donated_on (April–March), kept as a column for the dashboard's index
  fiscal_year integer NOT NULL,
  payment_method text NOT NULL CHECK (payment_method IN ('クレジットカード', '銀行振込', '郵便振替', 'コンビニ払い', 'キャリア決済', 'その他')),
  amount integer NOT NULL CHECK (amount > 0),
  status text NOT NULL CHECK (status IN ('入金待ち', '入金済', 'キャンセル')),
  fund_use_code text REFERENCES furusato_fund_uses (code),
  -- 市内在住: a resident may donate but gets no gift
  is_resident boolean NOT NULL DEFAULT false,
  one_stop_wish boolean NOT NULL DEFAULT false,
  -- 氏名・寄附額の公表
  publication_consent boolean NOT NULL DEFAULT false,
  donor_name text,
  donor_kana text,
  donor_postal_code text,
  donor_address text,
  donor_phone text,
  donor_email text,
  donor_gender text CHECK (donor_gender IN ('男性', '女性', 'その他', '回答なし')),
  ship_name text,
  ship_postal_code text,
  ship_address text,
  ship_phone text,
  -- hash of the canonical imported row: a changed row updates its donation, an unchanged one is left alone
  row_hash text NOT NULL,
  import_id uuid REFERENCES furusato_donation_imports (id),
  anonymised_at timestamptz,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (portal_code, order_number)
);
-- the dashboard's per-portal-month totals read only this index (amount and status included: an index-only scan)
CREATE INDEX furusato_donations_period ON furusato_donations (fiscal_year, portal_code, donated_on) INCLUDE (amount, status);
CREATE INDEX furusato_donations_donated ON furusato_donations (donated_on);

-- 寄附の返礼品 (an order may hold several gifts)
CREATE TABLE furusato_donation_items (
  donation_id uuid NOT NULL REFERENCES furusato_donations (id) ON DELETE CASCADE,
  line_no integer NOT NULL CHECK (line_no >= 1),
  gift_code text NOT NULL,
  gift_id uuid REFERENCES furusato_gifts (id),
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 999),
  PRIMARY KEY (donation_id, line_no)
);
CREATE INDEX furusato_donation_items_gift ON furusato_donation_items (gift_id);

-- 出荷依頼: one per donation item that must be sent; the supplier fills in the plan and the tracking number
CREATE TABLE furusato_shipments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  donation_id uuid NOT NULL REFERENCES furusato_donations (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  gift_id uuid NOT NULL REFERENCES furusato_gifts (id),
  supplier_id uuid NOT NULL REFERENCES furusato_suppliers (id),
  status text NOT NULL DEFAULT '未依頼' CHECK (status IN ('未依頼', '依頼済', '発送済', '取消')),
  requested_at timestamptz,
  due_on date,
  planned_on date,
  carrier text NOT NULL DEFAULT '',
  tracking_number text NOT NULL DEFAULT '',
  shipped_on date,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (donation_id, line_no)
);
CREATE INDEX furusato_shipments_supplier ON furusato_shipments (supplier_id, status, due_on);

-- ワンストップ特例申請: one application per donation. The 個人番号 itself is never stored, only whether a copy came.
CREATE TABLE furusato_one_stop_applications (
  donation_id uuid PRIMARY KEY REFERENCES furusato_donations (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT '未着' CHECK (status IN ('未着', '受付', '不備', '受理')),
  received_on date,
  -- 不足書類: 申請書 / 個人番号確認書類 / 本人確認書類 / 署名
  missing text[] NOT NULL DEFAULT '{}',
  note text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 寄附金受領証明書: each batch is one PDF; each certificate a numbered issue of one donation
CREATE TABLE furusato_certificate_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id uuid NOT NULL REFERENCES files (id),
  certificate_count integer NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE furusato_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  donation_id uuid NOT NULL REFERENCES furusato_donations (id) ON DELETE CASCADE,
  batch_id uuid NOT NULL REFERENCES furusato_certificate_batches (id),
  certificate_number text NOT NULL UNIQUE,
  issued_on date NOT NULL,
  reissue boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX furusato_certificates_donation ON furusato_certificates (donation_id);

-- 経費の手入力分 (the national survey's six categories); catalog costs and portal fees are computed, not stored
CREATE TABLE furusato_cost_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2008 AND 2100),
  category text NOT NULL CHECK (category IN ('調達', '送付', '広報', '決済等', '事務', 'その他')),
  amount integer NOT NULL CHECK (amount BETWEEN -1000000000 AND 1000000000),
  incurred_on date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX furusato_cost_entries_year ON furusato_cost_entries (fiscal_year, category);
