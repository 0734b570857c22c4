-- 会議 (issue 18): one kind of meeting for every partner. A meeting belongs to a record of some module (a 広域連携
-- framework or joint project, a 特区 proposal): owner_kind names the kind the owning module registered
-- (platform/meetings/owners.ts) and owner_id the record. It is not a foreign key (the owners live in several tables);
-- the owner registry checks it on every write, and a kind nobody registered is read by nobody.
-- A meeting keeps its attendees by organisation, its decisions in order, its materials (files owned by the meeting)
-- and the follow-up items (宿題) it produced, each with an owner (a member of staff and/or an outside organisation),
-- a due date and its status, tracked to done.

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_kind text NOT NULL CHECK (owner_kind ~ '^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*$'),
  owner_id uuid NOT NULL,
  -- 会議の種類 (common/meetings/meeting-kinds.ts)
  kind text NOT NULL CHECK (kind IN ('summit', 'council', 'directors', 'working_level', 'study', 'zone_council',
    'working_group', 'advisory_council', 'consultation', 'other')),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  held_on date NOT NULL CHECK (held_on BETWEEN DATE '1989-01-08' AND DATE '2100-12-31'),
  starts_at time,
  ends_at time,
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  -- オンライン開催 (with or without a place: a hybrid meeting has both)
  online boolean NOT NULL DEFAULT false,
  online_url text CHECK (online_url IS NULL OR (online_url ~ '^https?://' AND length(online_url) <= 500)),
  agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 8000),
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 40000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at IS NULL OR starts_at IS NOT NULL),
  CHECK (ends_at IS NULL OR ends_at > starts_at),
  CHECK (online OR online_url IS NULL)
);
CREATE INDEX meetings_owner_idx ON meetings (owner_kind, owner_id, held_on DESC);
CREATE INDEX meetings_held_on_idx ON meetings (held_on DESC, id);

-- 出席者: by organisation (下関市, 福岡市, 直方市 …), with the people and titles as written in the minutes. The
-- organisation is named in text (outside bodies are often not organisations of this system); organisation_id links it
-- when it is one.
CREATE TABLE meeting_attendees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  organisation_name text NOT NULL CHECK (length(btrim(organisation_name)) BETWEEN 1 AND 100),
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  people text NOT NULL DEFAULT '' CHECK (length(people) <= 1000),
  sort_order integer NOT NULL CHECK (sort_order >= 0),
  UNIQUE (meeting_id, sort_order)
);
CREATE INDEX meeting_attendees_organisation_idx ON meeting_attendees (organisation_id);

-- 決定事項, in the order of the minutes.
CREATE TABLE meeting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 2000),
  sort_order integer NOT NULL CHECK (sort_order >= 0),
  UNIQUE (meeting_id, sort_order)
);

-- フォローアップ（宿題）: what the meeting left to do, whose it is (a member of staff, an outside organisation, or
-- both), by when, and its close (done on, by whom, with a note). Reopened, it is open again without its close.
CREATE TABLE meeting_followups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
  assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
  owner_organisation text CHECK (owner_organisation IS NULL OR length(btrim(owner_organisation)) BETWEEN 1 AND 100),
  due_on date CHECK (due_on IS NULL OR due_on BETWEEN DATE '1989-01-08' AND DATE '2100-12-31'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on date,
  done_by uuid REFERENCES users (id) ON DELETE SET NULL,
  done_note text NOT NULL DEFAULT '' CHECK (length(done_note) <= 2000),
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- done ⇔ a done date; an open item keeps no close
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  CHECK (status = 'done' OR (done_by IS NULL AND done_note = ''))
);
CREATE INDEX meeting_followups_meeting_idx ON meeting_followups (meeting_id, sort_order);
CREATE INDEX meeting_followups_open_idx ON meeting_followups (due_on) WHERE status = 'open';
CREATE INDEX meeting_followups_assignee_idx ON meeting_followups (assignee_id, status);

-- Materials (資料) are files owned by their meeting: the file owner checks of 0015 are extended by the kind 'meeting'.
ALTER TABLE files DROP CONSTRAINT files_owner_kind;
ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (owner_kind IN (
  'upload', 'import', 'unreferenced',
  'furusato.gift', 'furusato.supplier', 'furusato.certificate_batch', 'furusato.export',
  'international.project', 'international.trip',
  'sdgs.application',
  'meeting'));

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
  OR (owner_kind = 'international.trip' AND purpose IN ('attachment', 'report_attachment'))
  OR (owner_kind = 'sdgs.application' AND purpose = 'evidence')
  OR (owner_kind = 'meeting' AND purpose = 'attachment'));

-- Deleting a meeting deletes its materials, whichever path deletes it.
CREATE FUNCTION meetings_delete_owned_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files WHERE owner_kind = 'meeting' AND owner_id = OLD.id;
  RETURN OLD;
END
$$;
CREATE TRIGGER meetings_delete_files AFTER DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_delete_owned_files();
