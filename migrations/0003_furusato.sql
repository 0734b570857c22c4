-- ふるさと納税 (furusato module), catalog half: suppliers, gifts with dated costs, portals as data, listings,
-- the review trail of supplier proposals, and what each export sent to each portal.

-- 返礼品提供事業者
CREATE TABLE furusato_suppliers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,4}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- the external organisation whose users are this supplier's logins
  organisation_id uuid UNIQUE REFERENCES organisations (id),
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  contact_email text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  bank jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT '受付中' CHECK (status IN ('受付中', '受付停止')),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 検査・受付停止・解除の記録 (append-only)
CREATE TABLE furusato_supplier_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  supplier_id uuid NOT NULL REFERENCES furusato_suppliers (id),
  kind text NOT NULL CHECK (kind IN ('検査', '受付停止', '解除')),
  occurred_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER furusato_supplier_events_append_only BEFORE UPDATE OR DELETE ON furusato_supplier_events
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 返礼品: key fields as columns (checked here too), the portal-facing details as validated jsonb
CREATE TABLE furusato_gifts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,4}[0-9]{3,4}$'),
  supplier_id uuid NOT NULL REFERENCES furusato_suppliers (id),
  status text NOT NULL DEFAULT '入力中' CHECK (status IN ('入力中', '確認中', '承認済', 'ポータル登録済', '受付停止', '取り下げ')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  temperature text NOT NULL CHECK (temperature IN ('常温', '冷蔵', '冷凍')),
  local_product_type text CHECK (local_product_type IN ('1', '2', '3', '3イ', '3ロ', '4', '5', '6', '7', '8イ', '8ロ', '8ハ', '9')),
  deliveries integer NOT NULL DEFAULT 1 CHECK (deliveries BETWEEN 1 AND 24),
  details jsonb NOT NULL,
  copied_from uuid REFERENCES furusato_gifts (id),
  -- a supplier's proposed change to an approved gift, waiting for staff review (the live details stay as they are)
  pending_details jsonb,
  pending_by uuid REFERENCES users (id),
  pending_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX furusato_gifts_supplier ON furusato_gifts (supplier_id);

-- 調達費用・送料 as a dated history: the cost on a date is the latest row effective on or before it
CREATE TABLE furusato_gift_costs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gift_id uuid NOT NULL REFERENCES furusato_gifts (id) ON DELETE CASCADE,
  effective_from date NOT NULL,
  procurement_cost integer NOT NULL CHECK (procurement_cost >= 0),
  shipping_cost integer NOT NULL CHECK (shipping_cost >= 0),
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX furusato_gift_costs_gift ON furusato_gift_costs (gift_id, effective_from DESC, created_at DESC);
CREATE TRIGGER furusato_gift_costs_no_update BEFORE UPDATE ON furusato_gift_costs
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 提案・確認・差戻し・承認 の記録 (append-only)
CREATE TABLE furusato_gift_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gift_id uuid NOT NULL REFERENCES furusato_gifts (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('提出', '差戻し', '承認', '受付停止', '取り下げ', '再開', 'ポータル登録', '変更提案', '変更承認', '変更差戻し')),
  from_status text NOT NULL,
  to_status text NOT NULL,
  comment text NOT NULL DEFAULT '',
  actor_user_id uuid REFERENCES users (id),
  actor_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER furusato_gift_reviews_no_update BEFORE UPDATE ON furusato_gift_reviews
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 寄附受付サイト: a portal is data (fee, point programme, field limits, export template)
CREATE TABLE furusato_portals (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,30}$'),
  name text NOT NULL UNIQUE,
  fee_ratio numeric(5, 4) NOT NULL CHECK (fee_ratio >= 0 AND fee_ratio < 1),
  grants_points boolean NOT NULL DEFAULT false,
  field_limits jsonb NOT NULL DEFAULT '{}',
  template jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 掲載: a gift on a portal
CREATE TABLE furusato_listings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gift_id uuid NOT NULL REFERENCES furusato_gifts (id) ON DELETE CASCADE,
  portal_code text NOT NULL REFERENCES furusato_portals (code),
  donation_amount integer NOT NULL CHECK (donation_amount > 0),
  -- the amount last approved, for the price-sanity check (±50%, a dropped or added digit)
  approved_donation_amount integer,
  -- who set the current amount: a suspicious change must be approved by someone else
  amount_changed_by uuid REFERENCES users (id),
  title_variant text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT '受付中' CHECK (state IN ('受付中', '停止')),
  stock integer CHECK (stock IS NULL OR stock >= 0),
  listing_date date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (gift_id, portal_code)
);

-- 出力: one bundle (zip of every portal's file) with its diff; the state is what each portal last received
CREATE TABLE furusato_exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_id uuid NOT NULL REFERENCES files (id),
  diff jsonb NOT NULL,
  row_count integer NOT NULL,
  fields_saved integer NOT NULL DEFAULT 0,
  held_count integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE furusato_export_state (
  id integer PRIMARY KEY CHECK (id = 1),
  state jsonb NOT NULL,
  export_id uuid NOT NULL REFERENCES furusato_exports (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 返礼品の画像 (served at a public address so that portals can fetch them) and 事業者の提出書類
CREATE TABLE furusato_gift_images (
  file_id uuid PRIMARY KEY REFERENCES files (id),
  gift_id uuid NOT NULL REFERENCES furusato_gifts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE furusato_supplier_documents (
  file_id uuid PRIMARY KEY REFERENCES files (id),
  supplier_id uuid NOT NULL REFERENCES furusato_suppliers (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
