-- Every stored file has an owner (issue 11, finding 2): the kind of record that owns it, that record, the
-- organisation it belongs to and its purpose. Files are read only through a check of their owner record, and a
-- record takes as attachments only its own files or unattached uploads of the same person and purpose.
--   upload        an unattached upload (owner: its creator), until a record takes it
--   import        an import's upload or error report (owner: the person who started the import)
--   unreferenced  a file nobody referred to when owners were introduced: administrators only
ALTER TABLE files
  ADD COLUMN owner_kind text,
  ADD COLUMN owner_id uuid,
  ADD COLUMN organisation_id uuid REFERENCES organisations (id),
  ADD COLUMN purpose text;

-- The bureau that runs ふるさと納税 owns its batches and exports (the creator's organisation when it is not set).
UPDATE files f
   SET owner_kind = 'furusato.certificate_batch', owner_id = b.id, purpose = 'certificate_pdf',
       organisation_id = COALESCE(
         (SELECT o.id FROM app_settings s JOIN organisations o ON o.id::text = s.value #>> '{}' WHERE s.key = 'furusato.bureauId'),
         (SELECT u.organisation_id FROM users u WHERE u.id = f.created_by))
  FROM furusato_certificate_batches b
 WHERE b.file_id = f.id AND f.owner_kind IS NULL;

UPDATE files f
   SET owner_kind = 'furusato.export', owner_id = e.id, purpose = 'portal_bundle',
       organisation_id = COALESCE(
         (SELECT o.id FROM app_settings s JOIN organisations o ON o.id::text = s.value #>> '{}' WHERE s.key = 'furusato.bureauId'),
         (SELECT u.organisation_id FROM users u WHERE u.id = f.created_by))
  FROM furusato_exports e
 WHERE e.file_id = f.id AND f.owner_kind IS NULL;

-- A supplier's documents and its gifts' photos belong to the supplier's organisation.
UPDATE files f
   SET owner_kind = 'furusato.supplier', owner_id = d.supplier_id, purpose = 'supplier_document', organisation_id = s.organisation_id
  FROM furusato_supplier_documents d JOIN furusato_suppliers s ON s.id = d.supplier_id
 WHERE d.file_id = f.id AND f.owner_kind IS NULL;

UPDATE files f
   SET owner_kind = 'furusato.gift', owner_id = i.gift_id, purpose = 'image', organisation_id = s.organisation_id
  FROM furusato_gift_images i JOIN furusato_gifts g ON g.id = i.gift_id JOIN furusato_suppliers s ON s.id = g.supplier_id
 WHERE i.file_id = f.id AND f.owner_kind IS NULL;

-- Imports: donation files kept with their import, reports named in a job's result, and the remaining tables
-- (CSV/TSV/text/xlsx: only imports store those) belong to whoever started the import.
UPDATE files f
   SET owner_kind = 'import', purpose = 'import_upload', organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = f.created_by)
  FROM furusato_donation_imports i
 WHERE i.file_id = f.id AND f.owner_kind IS NULL;

UPDATE files f
   SET owner_kind = 'import', purpose = 'import_report', organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = f.created_by)
  FROM job_runs j
 WHERE j.result ->> 'reportFileId' = f.id::text AND f.owner_kind IS NULL;

UPDATE files f
   SET owner_kind = 'import', purpose = 'import_upload', organisation_id = (SELECT u.organisation_id FROM users u WHERE u.id = f.created_by)
 WHERE f.owner_kind IS NULL AND f.created_by IS NOT NULL
   AND split_part(f.mime_type, ';', 1) IN ('text/csv', 'text/tab-separated-values', 'text/plain',
     'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');

-- Gift evidence (根拠資料) is referenced from the gift's details (and from a supplier's pending change). A file listed
-- on several gifts (a gift copied before this change shared its evidence) stays with the earliest gift; every other
-- gift gets its own copy, so that each file has exactly one owner.
CREATE TABLE file_owner_evidence_refs (
  gift_id uuid NOT NULL,
  file_id uuid NOT NULL,
  rank integer NOT NULL,
  new_id uuid,
  PRIMARY KEY (gift_id, file_id)
);

INSERT INTO file_owner_evidence_refs (gift_id, file_id, rank)
SELECT r.gift_id, r.file_id, row_number() OVER (PARTITION BY r.file_id ORDER BY g.created_at, g.id)
  FROM (
    SELECT DISTINCT g.id AS gift_id, e.value::uuid AS file_id
      FROM furusato_gifts g
      CROSS JOIN LATERAL jsonb_array_elements_text(
        COALESCE(g.details -> 'evidenceFileIds', '[]'::jsonb) || COALESCE(g.pending_details -> 'evidenceFileIds', '[]'::jsonb)) AS e(value)
     WHERE e.value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  ) r
  JOIN furusato_gifts g ON g.id = r.gift_id
  JOIN files f ON f.id = r.file_id
 WHERE f.owner_kind IS NULL;

UPDATE files f
   SET owner_kind = 'furusato.gift', owner_id = r.gift_id, purpose = 'evidence', organisation_id = s.organisation_id
  FROM file_owner_evidence_refs r JOIN furusato_gifts g ON g.id = r.gift_id JOIN furusato_suppliers s ON s.id = g.supplier_id
 WHERE r.file_id = f.id AND r.rank = 1;

UPDATE file_owner_evidence_refs SET new_id = gen_random_uuid() WHERE rank > 1;

INSERT INTO files (id, name, mime_type, size_bytes, sha256, content, created_by, created_at, owner_kind, owner_id, purpose, organisation_id)
SELECT r.new_id, f.name, f.mime_type, f.size_bytes, f.sha256, f.content, f.created_by, f.created_at, 'furusato.gift', r.gift_id,
       'evidence', s.organisation_id
  FROM file_owner_evidence_refs r
  JOIN files f ON f.id = r.file_id
  JOIN furusato_gifts g ON g.id = r.gift_id
  JOIN furusato_suppliers s ON s.id = g.supplier_id
 WHERE r.rank > 1;

-- Each gift's lists now name only files the gift owns: its copies instead of shared files, and no longer ids of files
-- that belong to something else (a batch, an export, another supplier's document) or that do not exist.
UPDATE furusato_gifts g
   SET details = jsonb_set(g.details, '{evidenceFileIds}', (
     SELECT COALESCE(jsonb_agg(to_jsonb(f.id::text) ORDER BY e.ord), '[]'::jsonb)
       FROM jsonb_array_elements_text(g.details -> 'evidenceFileIds') WITH ORDINALITY AS e(value, ord)
       LEFT JOIN file_owner_evidence_refs r ON r.gift_id = g.id AND r.file_id::text = lower(e.value)
       JOIN files f ON f.id::text = COALESCE(r.new_id::text, lower(e.value))
      WHERE f.owner_kind = 'furusato.gift' AND f.owner_id = g.id AND f.purpose = 'evidence'))
 WHERE jsonb_typeof(g.details -> 'evidenceFileIds') = 'array' AND jsonb_array_length(g.details -> 'evidenceFileIds') > 0;

UPDATE furusato_gifts g
   SET pending_details = jsonb_set(g.pending_details, '{evidenceFileIds}', (
     SELECT COALESCE(jsonb_agg(to_jsonb(f.id::text) ORDER BY e.ord), '[]'::jsonb)
       FROM jsonb_array_elements_text(g.pending_details -> 'evidenceFileIds') WITH ORDINALITY AS e(value, ord)
       LEFT JOIN file_owner_evidence_refs r ON r.gift_id = g.id AND r.file_id::text = lower(e.value)
       JOIN files f ON f.id::text = COALESCE(r.new_id::text, lower(e.value))
      WHERE f.owner_kind = 'furusato.gift' AND f.owner_id = g.id AND f.purpose = 'evidence'))
 WHERE g.pending_details IS NOT NULL
   AND jsonb_typeof(g.pending_details -> 'evidenceFileIds') = 'array' AND jsonb_array_length(g.pending_details -> 'evidenceFileIds') > 0;

DROP TABLE file_owner_evidence_refs;

-- Whatever is left was referred to by nothing we know of: only administrators may read it.
UPDATE files SET owner_kind = 'unreferenced', purpose = 'unknown' WHERE owner_kind IS NULL;

-- The defaults fail closed: a row written without an owner (a backup made before this change, restored) is read by
-- administrators only.
ALTER TABLE files ALTER COLUMN owner_kind SET NOT NULL;
ALTER TABLE files ALTER COLUMN owner_kind SET DEFAULT 'unreferenced';
ALTER TABLE files ALTER COLUMN purpose SET NOT NULL;
ALTER TABLE files ALTER COLUMN purpose SET DEFAULT 'unknown';
ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (owner_kind IN (
  'upload', 'import', 'unreferenced',
  'furusato.gift', 'furusato.supplier', 'furusato.certificate_batch', 'furusato.export'));
-- Each kind holds files of its own purposes; an upload waits to be attached where its purpose belongs.
ALTER TABLE files ADD CONSTRAINT files_owner_purpose CHECK (
  (owner_kind = 'upload' AND purpose IN ('evidence', 'image', 'supplier_document'))
  OR (owner_kind = 'import' AND purpose IN ('import_upload', 'import_report'))
  OR (owner_kind = 'unreferenced' AND purpose = 'unknown')
  OR (owner_kind = 'furusato.gift' AND purpose IN ('evidence', 'image'))
  OR (owner_kind = 'furusato.supplier' AND purpose = 'supplier_document')
  OR (owner_kind = 'furusato.certificate_batch' AND purpose = 'certificate_pdf')
  OR (owner_kind = 'furusato.export' AND purpose = 'portal_bundle'));
-- A record's file names its record; the kinds owned by their creator (or by nobody) name none.
ALTER TABLE files ADD CONSTRAINT files_owner_id CHECK ((owner_id IS NULL) = (owner_kind IN ('upload', 'import', 'unreferenced')));
CREATE INDEX files_owner ON files (owner_kind, owner_id);
