-- 国際: files kept with a project (資料) and with a trip (添付資料, and 報告書の添付 apart from the others). The file
-- owner checks of 0007 are extended by the two kinds and their purposes; a trip's report attachments are told apart by
-- their purpose ('report_attachment'), so that a file cannot be moved between the report and the trip's other files
-- by a field nobody checks, and the check below keeps report attachments on trips only.
ALTER TABLE files DROP CONSTRAINT files_owner_kind;
ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (owner_kind IN (
  'upload', 'import', 'unreferenced',
  'furusato.gift', 'furusato.supplier', 'furusato.certificate_batch', 'furusato.export',
  'international.project', 'international.trip'));

ALTER TABLE files DROP CONSTRAINT files_owner_purpose;
ALTER TABLE files ADD CONSTRAINT files_owner_purpose CHECK (
  (owner_kind = 'upload' AND purpose IN ('evidence', 'image', 'supplier_document'))
  OR (owner_kind = 'import' AND purpose IN ('import_upload', 'import_report'))
  OR (owner_kind = 'unreferenced' AND purpose = 'unknown')
  OR (owner_kind = 'furusato.gift' AND purpose IN ('evidence', 'image'))
  OR (owner_kind = 'furusato.supplier' AND purpose = 'supplier_document')
  OR (owner_kind = 'furusato.certificate_batch' AND purpose = 'certificate_pdf')
  OR (owner_kind = 'furusato.export' AND purpose = 'portal_bundle')
  OR (owner_kind = 'international.project' AND purpose = 'attachment')
  OR (owner_kind = 'international.trip' AND purpose IN ('attachment', 'report_attachment')));

-- A file's owner is not a foreign key (files belong to records of many tables): deleting a project or a trip deletes
-- its files here, whichever path deletes the record, so that no file is left with an owner that no longer exists.
CREATE FUNCTION international_delete_owned_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE TRIGGER international_projects_delete_files AFTER DELETE ON international_projects
  FOR EACH ROW EXECUTE FUNCTION international_delete_owned_files('international.project');
CREATE TRIGGER international_trips_delete_files AFTER DELETE ON international_trips
  FOR EACH ROW EXECUTE FUNCTION international_delete_owned_files('international.trip');
