-- Dossiers: the equated days of Atw art 3 get an id and a version, so that removing one goes to the
-- prullenbak like everything else; and indexes for counting what refers to a dossier.
CREATE TABLE extra_holidays_new (
	id         INTEGER PRIMARY KEY,
	date       TEXT NOT NULL,
	name       TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1,
	deleted_at TEXT
) STRICT;
INSERT INTO extra_holidays_new (date, name) SELECT date, name FROM extra_holidays ORDER BY date;
DROP TABLE extra_holidays;
ALTER TABLE extra_holidays_new RENAME TO extra_holidays;
CREATE UNIQUE INDEX extra_holidays_date ON extra_holidays(date) WHERE deleted_at IS NULL;

CREATE INDEX IF NOT EXISTS dossier_links_letters ON letters(dossier_id);
CREATE INDEX IF NOT EXISTS dossier_links_actions ON actions(dossier_id);
CREATE INDEX IF NOT EXISTS dossier_links_agenda_items ON agenda_items(dossier_id);
CREATE INDEX IF NOT EXISTS dossier_links_decisions ON decisions(dossier_id);
