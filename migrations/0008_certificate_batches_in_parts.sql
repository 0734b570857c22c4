-- 受領証明書 batches of any size (issue 11, finding 3). A batch of 300,000 certificates is a zip of several hundred
-- PDFs: it is built one PDF at a time and stored in parts (one row each), and served part by part, so that neither
-- the server nor the database driver ever holds the whole file. Small files keep their content in files.content.
CREATE TABLE file_parts (
  file_id uuid NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  part_no integer NOT NULL CHECK (part_no >= 0),
  content bytea NOT NULL,
  PRIMARY KEY (file_id, part_no)
);
ALTER TABLE files ADD COLUMN in_parts boolean NOT NULL DEFAULT false;

-- A batch is built in steps ('building': its file's parts and its numbers staged beside it, nothing issued yet) and
-- issued in one short transaction ('issued'). A crash while building leaves the issued state as it was; the next
-- batch discards the abandoned one (its builder process is gone, or it has not shown a sign of life for a while).
-- One batch builds at a time: the numbers it prints are the next ones of the 年度.
ALTER TABLE furusato_certificate_batches
  ADD COLUMN state text NOT NULL DEFAULT 'issued' CHECK (state IN ('building', 'issued')),
  ADD COLUMN builder text,
  ADD COLUMN heartbeat_at timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX furusato_certificate_batches_one_building ON furusato_certificate_batches ((true)) WHERE state = 'building';

CREATE TABLE furusato_certificate_staged (
  batch_id uuid NOT NULL REFERENCES furusato_certificate_batches (id) ON DELETE CASCADE,
  certificate_number text NOT NULL,
  donation_id uuid NOT NULL REFERENCES furusato_donations (id) ON DELETE CASCADE,
  PRIMARY KEY (batch_id, certificate_number)
);

-- The donations still to certify are read in pages in this order (keyset pagination), never all at once.
CREATE INDEX furusato_donations_certificate_order ON furusato_donations (donated_on, portal_code, order_number)
  WHERE status = '入金済' AND anonymised_at IS NULL;
