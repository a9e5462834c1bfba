-- Letter templates the AS copied and edited. A row overrides the built-in template with the same code;
-- deleting the row restores the default. source holds the Betreft and header lines and the body, in the
-- template syntax of model/letter.
CREATE TABLE letter_templates (
	code       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	source     TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	version    INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX letters_body ON letters(body_id, status);
CREATE INDEX letters_dossier ON letters(dossier_id);
