package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/letter"
)

// Letters keep every saved version (letter_versions, immutable by trigger). A letter's row holds its
// status and what lists show; its text is always the latest version. Only a concept can get a new
// version: a letter ter ondertekening or verzonden is reopened first, explicitly.

const letterCols = `l.id, l.body_id, l.template, l.dossier_id, COALESCE(d.title, ''), l.subject, l.status, l.sent_on,
	l.document_id, l.imposition_id, l.created_at, l.version,
	COALESCE((SELECT max(n) FROM letter_versions v WHERE v.letter_id = l.id), 0),
	COALESCE((SELECT created_at FROM letter_versions v WHERE v.letter_id = l.id ORDER BY n DESC LIMIT 1), '')`

const letterFrom = ` FROM letters l LEFT JOIN dossiers d ON d.id = l.dossier_id AND d.deleted_at IS NULL`

func scanLetter(sc interface{ Scan(...any) error }) (letter.Letter, error) {
	var l letter.Letter
	var dossier, doc, imp sql.NullInt64
	var sent sql.NullString
	var created, saved string
	err := sc.Scan(&l.ID, &l.BodyID, &l.Template, &dossier, &l.DossierTitle, &l.Subject, &l.Status, &sent, &doc, &imp,
		&created, &l.Version, &l.Versions, &saved)
	l.DossierID, l.DocumentID, l.ImpositionID = dossier.Int64, doc.Int64, imp.Int64
	l.SentOn = scanDate(sent)
	l.CreatedAt, _ = time.Parse(time.RFC3339, created)
	l.SavedAt, _ = time.Parse(time.RFC3339, saved)
	l.TemplateName = l.Template
	if t, ok := letter.Default(l.Template); ok {
		l.TemplateName = t.Name
	}
	return l, err
}

// Letters lists a body's letters (not in the prullenbak), newest first.
func (s *Store) Letters(ctx context.Context, bodyID int64) ([]letter.Letter, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+letterCols+letterFrom+
		" WHERE l.body_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at DESC, l.id DESC", bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []letter.Letter{}
	for rows.Next() {
		l, err := scanLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	return out, s.nameLetters(ctx, out)
}

// nameLetters uses the AS's own template names where there are copies.
func (s *Store) nameLetters(ctx context.Context, ls []letter.Letter) error {
	names, err := s.customTemplateNames(ctx)
	if err != nil {
		return err
	}
	for i := range ls {
		if n, ok := names[ls[i].Template]; ok {
			ls[i].TemplateName = n
		}
	}
	return nil
}

// Letter returns one letter.
func (s *Store) Letter(ctx context.Context, id int64) (letter.Letter, error) {
	l, err := scanLetter(s.r.QueryRowContext(ctx, "SELECT "+letterCols+letterFrom+" WHERE l.id = ? AND l.deleted_at IS NULL", id))
	if err != nil {
		return l, mapErr(err)
	}
	ls := []letter.Letter{l}
	err = s.nameLetters(ctx, ls)
	return ls[0], err
}

// CreateLetter starts a letter from a template for a body and (optionally) a dossier: its first version
// is the template with every field werkbank knows filled in.
func (s *Store) CreateLetter(ctx context.Context, bodyID int64, code string, dossierID int64) (letter.Letter, error) {
	t, err := s.LetterTemplate(ctx, code)
	if err != nil {
		return letter.Letter{}, err
	}
	facts, err := s.letterFacts(ctx, bodyID, dossierID, s.Today())
	if err != nil {
		return letter.Letter{}, err
	}
	if !t.Fits(facts.Body.RuleSet) {
		return letter.Letter{}, model.Invalid("template", fmt.Sprintf("%s past niet bij de regeling %s van %s", t.Name,
			facts.Body.RuleSet, facts.Body.Name))
	}
	fields := letter.DraftFields(facts)
	var id int64
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var imp sql.NullInt64
		if dossierID != 0 {
			// A letter about a confidential dossier is confidential under the same imposition.
			if err := tx.QueryRowContext(ctx, "SELECT imposition_id FROM dossiers WHERE id = ?", dossierID).Scan(&imp); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO letters (body_id, template, dossier_id, subject, imposition_id, created_at)
			VALUES (?, ?, ?, '', ?, ?)`, bodyID, t.Code, nullID(dossierID), imp, s.stamp())
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return s.insertVersion(ctx, tx, id, 1, t.Source, fields)
	})
	if err != nil {
		return letter.Letter{}, err
	}
	return s.Letter(ctx, id)
}

// insertVersion writes version n and keeps the letter's subject in step with it.
func (s *Store) insertVersion(ctx context.Context, tx *sql.Tx, id int64, n int, source string, fields map[string]string) error {
	js, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO letter_versions (letter_id, n, body, fields, created_at) VALUES (?, ?, ?, ?, ?)`,
		id, n, source, string(js), s.stamp()); err != nil {
		return err
	}
	subject := ""
	if r, err := letter.Render(source, fields); err == nil {
		subject = r.Subject
	}
	_, err = tx.ExecContext(ctx, "UPDATE letters SET subject = ?, version = version + 1 WHERE id = ?", subject, id)
	return err
}

const versionCols = "letter_id, n, body, fields, created_at"

func scanVersion(sc interface{ Scan(...any) error }) (letter.Version, error) {
	var v letter.Version
	var fields, created string
	if err := sc.Scan(&v.LetterID, &v.N, &v.Source, &fields, &created); err != nil {
		return v, err
	}
	v.Fields = map[string]string{}
	if err := json.Unmarshal([]byte(fields), &v.Fields); err != nil {
		return v, fmt.Errorf("brief %d versie %d: velden onleesbaar: %w", v.LetterID, v.N, err)
	}
	v.CreatedAt, _ = time.Parse(time.RFC3339, created)
	return v, nil
}

// LetterVersions lists every version of a letter, the newest first.
func (s *Store) LetterVersions(ctx context.Context, id int64) ([]letter.Version, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+versionCols+" FROM letter_versions WHERE letter_id = ? ORDER BY n DESC", id)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []letter.Version{}
	for rows.Next() {
		v, err := scanVersion(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, mapErr(rows.Err())
}

// LetterVersion returns version n of a letter; n 0 is the latest.
func (s *Store) LetterVersion(ctx context.Context, id int64, n int) (letter.Version, error) {
	return s.readVersion(ctx, s.r, id, n)
}

func (s *Store) readVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, id int64, n int) (letter.Version, error) {
	query := "SELECT " + versionCols + " FROM letter_versions WHERE letter_id = ? AND n = ?"
	args := []any{id, n}
	if n == 0 {
		query = "SELECT " + versionCols + " FROM letter_versions WHERE letter_id = ? ORDER BY n DESC LIMIT 1"
		args = args[:1]
	}
	v, err := scanVersion(q.QueryRowContext(ctx, query, args...))
	return v, mapErr(err)
}

// SaveLetterVersion saves the AS's text and fields as a new version. base is the version the edit started
// from: when another process saved in between, nothing is saved and the error is model.ErrConflict. A
// save without changes returns the latest version and adds none. Only a concept can be changed.
func (s *Store) SaveLetterVersion(ctx context.Context, id int64, base int, source string, fields map[string]string) (letter.Version, error) {
	clean, err := checkLetterInput(source, fields)
	if err != nil {
		return letter.Version{}, err
	}
	var out letter.Version
	err = s.tx(ctx, func(tx *sql.Tx) error {
		l, latest, err := s.lockForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Locked() {
			return lockedError(l)
		}
		if latest.N != base {
			return model.ErrConflict
		}
		if latest.Source == source && maps.Equal(latest.Fields, clean) {
			out = latest
			return nil
		}
		if err := s.insertVersion(ctx, tx, id, latest.N+1, source, clean); err != nil {
			return err
		}
		out, err = s.readVersion(ctx, tx, id, latest.N+1)
		return err
	})
	return out, err
}

// checkLetterInput refuses an unknown field name (in the text or the field list) and a date field that
// is not a date, with a Dutch message; it returns the fields with dates in one form and empty ones gone.
func checkLetterInput(source string, fields map[string]string) (map[string]string, error) {
	if err := letter.Check(source); err != nil {
		return nil, err
	}
	clean := map[string]string{}
	for k, v := range fields {
		f, ok := letter.Lookup(k)
		if !ok {
			return nil, model.Invalid("fields", fmt.Sprintf("onbekend veld %q", k))
		}
		v, err := f.CheckValue(v)
		if err != nil {
			return nil, err
		}
		if v != "" {
			clean[k] = v
		}
	}
	return clean, nil
}

// lockForEdit reads a letter and its latest version inside a write transaction.
func (s *Store) lockForEdit(ctx context.Context, tx *sql.Tx, id int64) (letter.Letter, letter.Version, error) {
	l, err := scanLetter(tx.QueryRowContext(ctx, "SELECT "+letterCols+letterFrom+" WHERE l.id = ? AND l.deleted_at IS NULL", id))
	if err != nil {
		return l, letter.Version{}, err
	}
	v, err := s.readVersion(ctx, tx, id, 0)
	return l, v, err
}

func lockedError(l letter.Letter) error {
	return model.Invalid("status", fmt.Sprintf("de brief is %s: heropen hem eerst (r) om iets te wijzigen", l.Status.Label()))
}

// RestoreLetterVersion makes an old version the latest again, as a new version: nothing in between is
// lost.
func (s *Store) RestoreLetterVersion(ctx context.Context, id int64, n int) (letter.Version, error) {
	var out letter.Version
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, latest, err := s.lockForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Locked() {
			return lockedError(l)
		}
		old, err := s.readVersion(ctx, tx, id, n)
		if err != nil {
			return err
		}
		if err := s.insertVersion(ctx, tx, id, latest.N+1, old.Source, old.Fields); err != nil {
			return err
		}
		out, err = s.readVersion(ctx, tx, id, latest.N+1)
		return err
	})
	return out, err
}

// MarkLetterForSigning moves a concept to ter ondertekening; a letter with open fields cannot go.
func (s *Store) MarkLetterForSigning(ctx context.Context, id int64) (letter.Letter, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, v, err := s.lockForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		if l.Status != letter.StatusConcept {
			return model.Invalid("status", "alleen een concept kan ter ondertekening; de brief is "+l.Status.Label())
		}
		if err := checkComplete(v); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE letters SET status = ?, version = version + 1 WHERE id = ?", letter.StatusSigning, id)
		return err
	})
	if err != nil {
		return letter.Letter{}, err
	}
	return s.Letter(ctx, id)
}

// checkComplete refuses a version that still holds "[nog invullen: ...]".
func checkComplete(v letter.Version) error {
	r, err := v.Render()
	if err != nil {
		return err
	}
	if n := r.Markers(); n > 0 {
		what := "open velden"
		if n == 1 {
			what = "open veld"
		}
		msg := fmt.Sprintf("nog %d %s", n, what)
		if len(r.Missing) > 0 {
			msg += " (" + r.Missing[0]
			if len(r.Missing) > 1 {
				msg += ", …"
			}
			msg += ")"
		}
		return model.Invalid("status", msg+": vul die eerst in")
	}
	return nil
}

// ReopenLetter takes a letter ter ondertekening or verzonden back to concept. It starts a new version (a
// copy of the latest), so that what was signed or sent stays recognisable in the version list. The
// archived copy of a sent letter stays in the archive.
func (s *Store) ReopenLetter(ctx context.Context, id int64) (letter.Version, error) {
	var out letter.Version
	err := s.tx(ctx, func(tx *sql.Tx) error {
		l, latest, err := s.lockForEdit(ctx, tx, id)
		if err != nil {
			return err
		}
		if !l.Locked() {
			return model.Invalid("status", "de brief is al een concept")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE letters SET status = 'concept', sent_on = NULL WHERE id = ?", id); err != nil {
			return err
		}
		if err := s.insertVersion(ctx, tx, id, latest.N+1, latest.Source, latest.Fields); err != nil {
			return err
		}
		out, err = s.readVersion(ctx, tx, id, latest.N+1)
		return err
	})
	return out, err
}

// DeleteLetter moves a letter, with its versions, to the prullenbak. A sent letter's archived copy stays
// in the archive.
func (s *Store) DeleteLetter(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "letters", id) })
}
