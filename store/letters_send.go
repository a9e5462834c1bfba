package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/store/letterexport"
)

// MarkLetterSent marks a letter sent on a date. It archives the final text as the Word file that was sent
// (document type brief-uit, linked to the dossier, indexed for search), then, in one transaction, locks
// the letter and adds the event to the dossier's timeline ("advies" with positief/negatief/voorwaardelijk,
// "instemming" with verleend/geweigerd/voorwaardelijk, ...). A letter with open fields is refused, and so
// is an event the dossier's timeline cannot hold; then nothing changes.
func (s *Store) MarkLetterSent(ctx context.Context, id int64, on model.Date) (letter.Letter, error) {
	if s.readOnly {
		return letter.Letter{}, model.ErrReadOnly
	}
	if on.IsZero() {
		on = s.Today()
	}
	l, err := s.Letter(ctx, id)
	if err != nil {
		return l, err
	}
	if l.Status == letter.StatusSent {
		return l, model.Invalid("status", "de brief is al verzonden op "+l.SentOn.Long())
	}
	v, err := s.LetterVersion(ctx, id, 0)
	if err != nil {
		return l, err
	}
	if err := checkComplete(v); err != nil {
		return l, err
	}
	r, _ := v.Render() // checkComplete rendered it already
	t, err := s.LetterTemplate(ctx, l.Template)
	if err != nil {
		return l, err
	}
	// Check the timeline before archiving, so a refused event leaves no document behind.
	if _, err := s.sentEvent(ctx, s.r, l, t, r, on); err != nil {
		return l, err
	}
	data, err := letterexport.Bytes("docx", r)
	if err != nil {
		return l, err
	}
	name := letterexport.FileName(l, r.Reference, "docx")
	meta := model.DocumentMeta{BodyID: l.BodyID, Title: letterTitle(r.Subject), Date: on, Type: model.DocBriefUit,
		DossierID: l.DossierID, ImpositionID: l.ImpositionID}
	if len(r.Sender) > 0 {
		meta.Sender = r.Sender[0]
	}
	doc, err := s.ArchiveBytes(ctx, name, data, meta)
	fresh := err == nil
	if errors.Is(err, model.ErrDuplicate) && doc.ID != 0 {
		err = nil // the same letter was sent before with the very same text: that document is its copy
	}
	if err != nil {
		return l, fmt.Errorf("brief niet gearchiveerd, dus niet als verzonden gemarkeerd: %w", err)
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE letters SET status = 'verzonden', sent_on = ?, document_id = ?, version = version + 1
			WHERE id = ? AND version = ? AND status <> 'verzonden' AND deleted_at IS NULL`, on.String(), doc.ID, id, l.Version)
		if err != nil {
			return err
		}
		if err := checkUpdated(ctx, tx, res, "letters", id); err != nil {
			return err
		}
		e, err := s.sentEvent(ctx, tx, l, t, r, on)
		if err != nil || e == nil {
			return err
		}
		if _, err := insertEvent(ctx, tx, *e); err != nil {
			return err
		}
		return syncStatus(ctx, tx, e.DossierID)
	})
	if err != nil {
		if fresh {
			// The letter was not marked sent: its archived copy goes to the prullenbak rather than
			// stand in the archive as if it had been sent.
			s.DeleteDocument(context.WithoutCancel(ctx), doc.ID)
		}
		return l, err
	}
	return s.Letter(ctx, id)
}

type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// sentEvent is the dossier event for a sent letter, checked against the dossier's whole timeline; nil
// when the letter has no dossier. An event the dossier's kind cannot hold (an informatieverzoek sent in
// an adviesaanvraag) becomes a note, so the timeline still shows the letter.
func (s *Store) sentEvent(ctx context.Context, q rowQueryer, l letter.Letter, t letter.Template, r letter.Rendered, on model.Date) (*dossier.Event, error) {
	if l.DossierID == 0 {
		return nil, nil
	}
	d, err := scanDossier(q.QueryRowContext(ctx, "SELECT "+dossierCols+dossierFrom+" WHERE d.id = ? AND d.deleted_at IS NULL", l.DossierID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil // the dossier went to the prullenbak; the letter can still be sent
	}
	if err != nil {
		return nil, mapErr(err)
	}
	if d.Events, err = dossierEvents(ctx, q, l.DossierID); err != nil {
		return nil, mapErr(err)
	}
	kind, content := t.SentEvent()
	e := dossier.Event{DossierID: l.DossierID, Kind: dossier.EventKind(kind), Date: on, Content: content}
	what := t.Name
	if r.Reference != "" {
		what += " (" + r.Reference + ")"
	}
	e.Note = "brief verzonden: " + what
	if !slices.Contains(dossier.EventKinds(d.Kind), e.Kind) {
		e.Kind, e.Content = dossier.Note, ""
	}
	d.Events = append(d.Events, e)
	if err := dossier.CheckEvents(d); err != nil {
		var fe *model.FieldError
		if errors.As(err, &fe) {
			return nil, model.Invalid("status", "de tijdlijn van het dossier laat dit niet toe: "+fe.Message)
		}
		return nil, err
	}
	return &e, nil
}

// ExportLetter writes the latest version of a letter to path in a format (docx, pdf, md, txt),
// atomically: a missing folder is refused with a Dutch message and no partial file is left. Open fields
// stay visible as markers, so a draft can be read on paper.
func (s *Store) ExportLetter(ctx context.Context, id int64, format, path string) error {
	v, err := s.LetterVersion(ctx, id, 0)
	if err != nil {
		return err
	}
	r, err := v.Render()
	if err != nil {
		return err
	}
	return letterexport.Write(path, format, r)
}

// LetterFileName suggests a file name for an export of a letter.
func (s *Store) LetterFileName(ctx context.Context, id int64, format string) (string, error) {
	l, err := s.Letter(ctx, id)
	if err != nil {
		return "", err
	}
	v, err := s.LetterVersion(ctx, id, 0)
	if err != nil {
		return "", err
	}
	ref := ""
	if r, err := v.Render(); err == nil {
		ref = r.Reference
	}
	return letterexport.FileName(l, ref, format), nil
}

// letterTitle is the archive title of a sent letter: its Betreft with a capital.
func letterTitle(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.TrimPrefix(s, string(r))
}
