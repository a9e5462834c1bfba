-- Agenda building: templates per meeting kind, meeting series, the parkeerlijst (backlog), documents
-- attached to items, and what a held meeting did with each item.

-- A series plans many meetings at once; meetings.series_id (0001) points here. The meetings are ordinary
-- rows afterwards.
CREATE TABLE meeting_series (
	id         INTEGER PRIMARY KEY,
	body_id    INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	nth        INTEGER NOT NULL,
	weekday    INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
	interval   INTEGER NOT NULL CHECK (interval BETWEEN 1 AND 12),
	from_date  TEXT NOT NULL,
	until_date TEXT NOT NULL,
	start_min  INTEGER NOT NULL,
	end_min    INTEGER NOT NULL,
	location   TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
) STRICT;

-- The editable default agenda of each meeting kind of a body; a kind without rows uses the built-in one.
CREATE TABLE agenda_templates (
	id        INTEGER PRIMARY KEY,
	body_id   INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	kind      TEXT NOT NULL CHECK (kind IN ('or-vergadering','overlegvergadering','db-overleg','commissie','achterbanbijeenkomst')),
	position  INTEGER NOT NULL,
	title     TEXT NOT NULL,
	purpose   TEXT NOT NULL DEFAULT 'ter informatie',
	presenter TEXT NOT NULL DEFAULT '',
	minutes   INTEGER NOT NULL CHECK (minutes > 0),
	role      TEXT NOT NULL DEFAULT '',
	UNIQUE (body_id, kind, position)
) STRICT;

-- The parkeerlijst: topics raised but not yet on an agenda.
CREATE TABLE backlog (
	id            INTEGER PRIMARY KEY,
	body_id       INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	title         TEXT NOT NULL,
	raised_by     TEXT NOT NULL DEFAULT '',
	raised_on     TEXT,
	purpose       TEXT NOT NULL DEFAULT 'ter bespreking',
	minutes       INTEGER NOT NULL CHECK (minutes > 0),
	explanation   TEXT NOT NULL DEFAULT '',
	dossier_id    INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	imposition_id INTEGER REFERENCES impositions(id),
	from_item     INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
	version       INTEGER NOT NULL DEFAULT 1,
	created_at    TEXT NOT NULL,
	deleted_at    TEXT
) STRICT;
CREATE INDEX backlog_body ON backlog(body_id, raised_on);

-- Documents from the archive attached to an agenda item, and to a parkeerlijst topic (they travel along
-- when a topic moves onto an agenda and back).
CREATE TABLE agenda_item_documents (
	item_id     INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (item_id, document_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX agenda_item_documents_doc ON agenda_item_documents(document_id);

CREATE TABLE backlog_documents (
	topic_id    INTEGER NOT NULL REFERENCES backlog(id) ON DELETE CASCADE,
	document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	PRIMARY KEY (topic_id, document_id)
) STRICT, WITHOUT ROWID;

-- Standing items carry their template role; a held meeting records per item whether it was treated,
-- carried to the next meeting or sent back to the parkeerlijst. was_position keeps a deleted item's
-- place so that restoring it from the prullenbak puts it back where it was.
ALTER TABLE agenda_items ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN outcome TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('','behandeld','doorgeschoven','parkeerlijst'));
ALTER TABLE agenda_items ADD COLUMN raised_by TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN raised_on TEXT;
ALTER TABLE agenda_items ADD COLUMN carried_from INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL;
ALTER TABLE agenda_items ADD COLUMN was_position INTEGER;

-- Live items of a meeting have distinct numbers; a reorder that fails halfway cannot leave duplicates.
CREATE UNIQUE INDEX agenda_items_live_position ON agenda_items(meeting_id, position) WHERE deleted_at IS NULL;
