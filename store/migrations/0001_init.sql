-- werkbank core schema. Every editable row has a version number (optimistic concurrency: an update names
-- the version it read and fails with ErrConflict when another process changed the row). Deletable rows
-- carry deleted_at: a deleted row stays until the prullenbak is emptied.

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

CREATE TABLE bodies (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('or','cor','onderdeelcommissie','mr','clientenraad')),
	rule_set   TEXT NOT NULL CHECK (rule_set IN ('wor','wms','wmcz')),
	company    TEXT NOT NULL DEFAULT '',
	address    TEXT NOT NULL DEFAULT '',
	place      TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	deleted_at TEXT
) STRICT;

CREATE TABLE members (
	id         INTEGER PRIMARY KEY,
	body_id    INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	role       TEXT NOT NULL CHECK (role IN ('voorzitter','vicevoorzitter','secretaris','lid')),
	email      TEXT NOT NULL DEFAULT '',
	term_start TEXT,
	term_end   TEXT,
	commission INTEGER NOT NULL DEFAULT 0,
	version    INTEGER NOT NULL DEFAULT 1,
	deleted_at TEXT
) STRICT;
CREATE INDEX members_body ON members(body_id);

-- Training days taken (art 18 WOR), per member and year.
CREATE TABLE training (
	id        INTEGER PRIMARY KEY,
	member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
	year      INTEGER NOT NULL,
	days      REAL NOT NULL CHECK (days >= 0),
	note      TEXT NOT NULL DEFAULT '',
	UNIQUE (member_id, year)
) STRICT;

CREATE TABLE bestuurders (
	id         INTEGER PRIMARY KEY,
	body_id    INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	salutation TEXT NOT NULL DEFAULT '' CHECK (salutation IN ('','heer','mevrouw')),
	email      TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1,
	deleted_at TEXT
) STRICT;

-- Art 20 WOR confidentiality. until NULL: no end date; released: the AS released the data after expiry.
CREATE TABLE impositions (
	id         INTEGER PRIMARY KEY,
	body_id    INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	imposed_by TEXT NOT NULL,
	subject    TEXT NOT NULL DEFAULT '',
	from_date  TEXT,
	until_date TEXT,
	exempt     TEXT NOT NULL DEFAULT '',
	released   TEXT,
	version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE dossiers (
	id            INTEGER PRIMARY KEY,
	body_id       INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	kind          TEXT NOT NULL CHECK (kind IN ('adviesaanvraag','instemmingsverzoek','initiatiefvoorstel','informatieverzoek','overig')),
	title         TEXT NOT NULL,
	description   TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'open',
	owner_id      INTEGER REFERENCES members(id) ON DELETE SET NULL,
	started_on    TEXT,
	imposition_id INTEGER REFERENCES impositions(id),
	version       INTEGER NOT NULL DEFAULT 1,
	created_at    TEXT NOT NULL,
	deleted_at    TEXT
) STRICT;
CREATE INDEX dossiers_body ON dossiers(body_id);

CREATE TABLE dossier_events (
	id         INTEGER PRIMARY KEY,
	dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	date       TEXT NOT NULL,
	content    TEXT NOT NULL DEFAULT '',
	note       TEXT NOT NULL DEFAULT '',
	version    INTEGER NOT NULL DEFAULT 1,
	deleted_at TEXT
) STRICT;
CREATE INDEX dossier_events_dossier ON dossier_events(dossier_id, date);

CREATE TABLE meetings (
	id           INTEGER PRIMARY KEY,
	body_id      INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL CHECK (kind IN ('or-vergadering','overlegvergadering','db-overleg','commissie','achterbanbijeenkomst')),
	date         TEXT NOT NULL,
	start_min    INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
	end_min      INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440),
	location     TEXT NOT NULL DEFAULT '',
	chair        TEXT NOT NULL DEFAULT '',
	status       TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept','agenda-verzonden','gehouden','geannuleerd')),
	agenda_sent  TEXT,
	urgent       INTEGER NOT NULL DEFAULT 0,
	art24        INTEGER NOT NULL DEFAULT 0,
	ov_requested TEXT,
	series_id    INTEGER,
	version      INTEGER NOT NULL DEFAULT 1,
	created_at   TEXT NOT NULL,
	deleted_at   TEXT,
	CHECK (end_min > start_min)
) STRICT;
CREATE INDEX meetings_body_date ON meetings(body_id, date);

CREATE TABLE agenda_items (
	id            INTEGER PRIMARY KEY,
	meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	position      INTEGER NOT NULL,
	title         TEXT NOT NULL,
	purpose       TEXT NOT NULL DEFAULT 'ter informatie',
	presenter     TEXT NOT NULL DEFAULT '',
	minutes       INTEGER NOT NULL CHECK (minutes > 0),
	explanation   TEXT NOT NULL DEFAULT '',
	dossier_id    INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	imposition_id INTEGER REFERENCES impositions(id),
	notes         TEXT NOT NULL DEFAULT '',
	version       INTEGER NOT NULL DEFAULT 1,
	deleted_at    TEXT
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE actions (
	id             INTEGER PRIMARY KEY,
	body_id        INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	description    TEXT NOT NULL,
	owner          TEXT NOT NULL,
	due            TEXT,
	status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','bezig','gereed','vervallen')),
	meeting_id     INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
	agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
	dossier_id     INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	notes          TEXT NOT NULL DEFAULT '',
	created_on     TEXT NOT NULL,
	closed_on      TEXT,
	postponed      INTEGER NOT NULL DEFAULT 0,
	imposition_id  INTEGER REFERENCES impositions(id),
	version        INTEGER NOT NULL DEFAULT 1,
	deleted_at     TEXT
) STRICT;
CREATE INDEX actions_body_due ON actions(body_id, status, due);

CREATE TABLE action_history (
	id        INTEGER PRIMARY KEY,
	action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
	at        TEXT NOT NULL,
	field     TEXT NOT NULL,
	old       TEXT NOT NULL DEFAULT '',
	new       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX action_history_action ON action_history(action_id);

CREATE TABLE decisions (
	id             INTEGER PRIMARY KEY,
	body_id        INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	year           INTEGER NOT NULL,
	seq            INTEGER NOT NULL,
	date           TEXT NOT NULL,
	meeting_id     INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
	agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
	dossier_id     INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	text           TEXT NOT NULL,
	imposition_id  INTEGER REFERENCES impositions(id),
	version        INTEGER NOT NULL DEFAULT 1,
	deleted_at     TEXT,
	UNIQUE (body_id, year, seq)
) STRICT;

-- Original file bytes, deduplicated by SHA-256 and stored in chunks so that memory stays bounded.
CREATE TABLE blobs (
	sha256     TEXT PRIMARY KEY,
	size       INTEGER NOT NULL,
	created_at TEXT NOT NULL
) STRICT;

CREATE TABLE blob_chunks (
	sha256 TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
	seq    INTEGER NOT NULL,
	data   BLOB NOT NULL,
	PRIMARY KEY (sha256, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE documents (
	id            INTEGER PRIMARY KEY,
	body_id       INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	title         TEXT NOT NULL,
	date          TEXT,
	type          TEXT NOT NULL CHECK (type IN ('brief-in','brief-uit','verslag','agenda','notitie','rapport','bijlage','mail')),
	sender        TEXT NOT NULL DEFAULT '',
	dossier_id    INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	parent_id     INTEGER REFERENCES documents(id) ON DELETE CASCADE,
	sha256        TEXT REFERENCES blobs(sha256),
	file_name     TEXT NOT NULL DEFAULT '',
	size          INTEGER NOT NULL DEFAULT 0,
	text          TEXT NOT NULL DEFAULT '',
	no_text       INTEGER NOT NULL DEFAULT 0,
	imposition_id INTEGER REFERENCES impositions(id),
	imported_at   TEXT NOT NULL,
	version       INTEGER NOT NULL DEFAULT 1,
	deleted_at    TEXT
) STRICT;
CREATE INDEX documents_body_date ON documents(body_id, date);
CREATE INDEX documents_sha ON documents(sha256);
CREATE INDEX documents_dossier ON documents(dossier_id);

CREATE TABLE letters (
	id            INTEGER PRIMARY KEY,
	body_id       INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	template      TEXT NOT NULL,
	dossier_id    INTEGER REFERENCES dossiers(id) ON DELETE SET NULL,
	subject       TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'concept' CHECK (status IN ('concept','ter-ondertekening','verzonden')),
	sent_on       TEXT,
	document_id   INTEGER REFERENCES documents(id) ON DELETE SET NULL,
	imposition_id INTEGER REFERENCES impositions(id),
	created_at    TEXT NOT NULL,
	version       INTEGER NOT NULL DEFAULT 1,
	deleted_at    TEXT
) STRICT;

-- Every saved version of a letter; never changed once written.
CREATE TABLE letter_versions (
	id         INTEGER PRIMARY KEY,
	letter_id  INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,
	n          INTEGER NOT NULL,
	body       TEXT NOT NULL,
	fields     TEXT NOT NULL DEFAULT '{}',
	created_at TEXT NOT NULL,
	UNIQUE (letter_id, n)
) STRICT;
CREATE TRIGGER letter_versions_immutable BEFORE UPDATE ON letter_versions
BEGIN
	SELECT RAISE(ABORT, 'letter versions are immutable');
END;

-- Equated days (Atw art 3: days the government declares equal to a holiday), added by the user.
CREATE TABLE extra_holidays (
	date TEXT PRIMARY KEY,
	name TEXT NOT NULL
) STRICT;

-- The prullenbak: one row per deleted item; the item itself keeps its deleted_at until restored or emptied.
CREATE TABLE bin (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	ref_id     INTEGER NOT NULL,
	label      TEXT NOT NULL,
	deleted_at TEXT NOT NULL,
	UNIQUE (kind, ref_id)
) STRICT;
