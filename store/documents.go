package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/search"
)

// documentCols are the columns of a document without its text: lists never read the text, which can
// be megabytes per row.
const documentCols = `d.id, d.body_id, d.title, d.date, d.type, d.sender, d.dossier_id, COALESCE(ds.title, ''), d.parent_id,
	d.sha256, d.file_name, d.size, d.no_text, d.imposition_id, d.imported_at, d.version`

const documentFrom = ` FROM documents d LEFT JOIN dossiers ds ON ds.id = d.dossier_id AND ds.deleted_at IS NULL`

func scanDocument(sc interface{ Scan(...any) error }, extra ...any) (model.Document, error) {
	var d model.Document
	var date, sha sql.NullString
	var dossier, parent, imp sql.NullInt64
	var noText int
	var imported string
	dest := []any{&d.ID, &d.BodyID, &d.Title, &date, &d.Type, &d.Sender, &dossier, &d.DossierTitle, &parent,
		&sha, &d.FileName, &d.Size, &noText, &imp, &imported, &d.Version}
	err := sc.Scan(append(dest, extra...)...)
	d.Date = scanDate(date)
	d.DossierID, d.ParentID, d.ImpositionID = dossier.Int64, parent.Int64, imp.Int64
	d.SHA256, d.NoText, d.Confidential = sha.String, noText == 1, imp.Valid
	d.ImportedAt, _ = time.Parse(time.RFC3339, imported)
	return d, err
}

// Documents lists one page of a body's documents (not in the prullenbak), newest first, without text.
// A mail's attachments follow the mail.
func (s *Store) Documents(ctx context.Context, q model.DocumentQuery) ([]model.Document, error) {
	if q.Limit <= 0 || q.Limit > 1000 {
		q.Limit = 100
	}
	query, args := documentsSQL(q)
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Document{}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, mapErr(rows.Err())
}

// documentsSQL is Documents' query. The whole archive, newest first, is documents_body_list in order:
// without statistics SQLite took the sender index of migration 0010 for body_id instead and sorted all
// 100,000 rows of the large council (400 ms against 3 ms).
func documentsSQL(q model.DocumentQuery) (string, []any) {
	where, args := documentWhere(q)
	from := documentFrom
	if q.DossierID == 0 && q.ParentID == 0 {
		from = strings.Replace(from, "documents d", "documents d INDEXED BY documents_body_list", 1)
	}
	return "SELECT " + documentCols + from + where +
		" ORDER BY d.date DESC, COALESCE(d.parent_id, d.id) DESC, d.parent_id IS NOT NULL, d.id DESC LIMIT ? OFFSET ?", append(args, q.Limit, max(q.Offset, 0))
}

// CountDocuments counts what Documents pages through.
func (s *Store) CountDocuments(ctx context.Context, q model.DocumentQuery) (int, error) {
	where, args := documentWhere(q)
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM documents d"+where, args...).Scan(&n)
	return n, mapErr(err)
}

func documentWhere(q model.DocumentQuery) (string, []any) {
	where := " WHERE d.body_id = ? AND d.deleted_at IS NULL"
	args := []any{q.BodyID}
	if q.DossierID != 0 {
		where += " AND d.dossier_id = ?"
		args = append(args, q.DossierID)
	}
	if q.ParentID != 0 {
		where += " AND d.parent_id = ?"
		args = append(args, q.ParentID)
	}
	return where, args
}

// Document returns one document with its text.
func (s *Store) Document(ctx context.Context, id int64) (model.Document, error) {
	var text string
	d, err := scanDocument(s.r.QueryRowContext(ctx, "SELECT "+documentCols+", d.text"+documentFrom+
		" WHERE d.id = ? AND d.deleted_at IS NULL", id), &text)
	d.Text = text
	return d, mapErr(err)
}

// UpdateDocument saves the metadata a user edits: title, date, type, sender, dossier and
// confidentiality. Marking a document confidential creates an imposition without an end date (the
// quick mark); unmarking it unlinks the imposition, which stays on record. The full-text row follows.
func (s *Store) UpdateDocument(ctx context.Context, d model.Document) (model.Document, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var body int64
		var imp sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT body_id, imposition_id FROM documents WHERE id = ? AND deleted_at IS NULL", d.ID).
			Scan(&body, &imp); err != nil {
			return err
		}
		if err := checkDossier(ctx, tx, body, d.DossierID); err != nil {
			return err
		}
		d.ImpositionID = 0
		if d.Confidential {
			d.ImpositionID = imp.Int64
			if !imp.Valid {
				i, err := quickImposition(ctx, tx, body, "document: "+d.Title, s.Today())
				if err != nil {
					return err
				}
				d.ImpositionID = i.ID
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE documents SET title = ?, date = ?, type = ?, sender = ?, dossier_id = ?,
			imposition_id = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			d.Title, nullDate(d.Date), d.Type, d.Sender, nullID(d.DossierID), nullID(d.ImpositionID), d.ID, d.Version)
		if err != nil {
			return err
		}
		if err := checkUpdated(ctx, tx, res, "documents", d.ID); err != nil {
			return err
		}
		return reindexDocument(ctx, tx, d.ID)
	})
	if err != nil {
		return d, err
	}
	return s.Document(ctx, d.ID)
}

// checkDossier refuses a dossier that does not exist or belongs to another body.
func checkDossier(ctx context.Context, tx *sql.Tx, bodyID, dossierID int64) error {
	if dossierID == 0 {
		return nil
	}
	var b int64
	err := tx.QueryRowContext(ctx, "SELECT body_id FROM dossiers WHERE id = ? AND deleted_at IS NULL", dossierID).Scan(&b)
	if err == sql.ErrNoRows || err == nil && b != bodyID {
		return model.Invalid("dossier", fmt.Sprintf("dossier %d bestaat niet bij dit orgaan", dossierID))
	}
	return err
}

// quickImposition creates the imposition of a quick "vertrouwelijk" mark: imposed by the body's
// bestuurder (by name when known), from today, without an end date.
func quickImposition(ctx context.Context, tx *sql.Tx, bodyID int64, subject string, today model.Date) (model.Imposition, error) {
	by := "bestuurder"
	var name string
	if err := tx.QueryRowContext(ctx, "SELECT name FROM bestuurders WHERE body_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1", bodyID).
		Scan(&name); err == nil && name != "" {
		by = name
	}
	return insertImposition(ctx, tx, model.Imposition{BodyID: bodyID, ImposedBy: by, Subject: subject, From: today})
}

// DeleteDocument moves a document to the prullenbak, with the attachments of a mail, and takes them
// out of the full-text index until they are restored.
func (s *Store) DeleteDocument(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.softDelete(ctx, tx, "documents", id); err != nil {
			return err
		}
		var at string
		if err := tx.QueryRowContext(ctx, "SELECT deleted_at FROM documents WHERE id = ?", id).Scan(&at); err != nil {
			return err
		}
		// Attachments go with their mail, marked with the same moment so that restoring the mail
		// brings back exactly these (and not one deleted on its own before).
		if _, err := tx.ExecContext(ctx, "UPDATE documents SET deleted_at = ? WHERE parent_id = ? AND deleted_at IS NULL", at, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM "+search.Table+" WHERE rowid = ? OR rowid IN (SELECT id FROM documents WHERE parent_id = ? AND deleted_at = ?)",
			id, id, at)
		return err
	})
}

// restoreDocument is afterRestore for documents: the attachments deleted with the mail come back, and
// all of them return to the full-text index.
func restoreDocument(ctx context.Context, tx *sql.Tx, id int64, deletedAt string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE documents SET deleted_at = NULL WHERE parent_id = ? AND deleted_at = ?", id, deletedAt); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT id FROM documents WHERE (id = ? OR parent_id = ?) AND deleted_at IS NULL", id, id)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var d int64
		if err := rows.Scan(&d); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, d)
	}
	rows.Close()
	for _, d := range ids {
		if err := reindexDocument(ctx, tx, d); err != nil {
			return err
		}
	}
	return nil
}

// reindexDocument replaces a document's full-text row with one built from the stored title and text.
func reindexDocument(ctx context.Context, tx *sql.Tx, id int64) error {
	var title, text string
	if err := tx.QueryRowContext(ctx, "SELECT title, text FROM documents WHERE id = ?", id).Scan(&title, &text); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+search.Table+" WHERE rowid = ?", id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, ftsInsert, id, title, text, search.StemText(title), search.StemText(text))
	return err
}

const ftsInsert = "INSERT INTO " + search.Table + "(rowid, title, body, title_stem, body_stem) VALUES (?, ?, ?, ?, ?)"

// DossierChoices lists the dossiers of a body a document can be linked to, open ones first.
func (s *Store) DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, kind, status FROM dossiers WHERE body_id = ? AND deleted_at IS NULL
		ORDER BY status <> 'open', COALESCE(started_on, created_at) DESC, id DESC`, bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.DossierChoice{}
	for rows.Next() {
		var c model.DossierChoice
		if err := rows.Scan(&c.ID, &c.Title, &c.Kind, &c.Status); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, mapErr(rows.Err())
}

// ImportLimitKey is the setting that holds the largest file an import accepts, in MB.
const ImportLimitKey = "import_max_mb"

// DefaultImportLimitMB is the limit when the setting is absent.
const DefaultImportLimitMB = 100

// ImportLimit returns the largest file size an import accepts, in bytes.
func (s *Store) ImportLimit(ctx context.Context) (int64, error) {
	v, err := s.Setting(ctx, ImportLimitKey, strconv.Itoa(DefaultImportLimitMB))
	if err != nil {
		return 0, err
	}
	mb, err := strconv.ParseInt(v, 10, 64)
	if err != nil || mb <= 0 {
		mb = DefaultImportLimitMB
	}
	return mb << 20, nil
}

// SetImportLimit sets the largest file size an import accepts, in MB (1 to 2048).
func (s *Store) SetImportLimit(ctx context.Context, mb int) error {
	if mb < 1 || mb > 2048 {
		return model.Invalid("import_max_mb", "de grens voor importeren moet tussen 1 en 2048 MB liggen")
	}
	return s.SetSetting(ctx, ImportLimitKey, strconv.Itoa(mb))
}
