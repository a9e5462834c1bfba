package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

const eventCols = "e.id, e.dossier_id, e.kind, e.date, e.content, e.note, e.version"

func scanEvent(sc interface{ Scan(...any) error }) (dossier.Event, error) {
	var e dossier.Event
	var date string
	err := sc.Scan(&e.ID, &e.DossierID, &e.Kind, &date, &e.Content, &e.Note, &e.Version)
	e.Date = scanDate(sql.NullString{String: date, Valid: true})
	return e, err
}

type eventRowsQueryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// dossierEvents reads a dossier's timeline (not what is in the bin), in date order.
func dossierEvents(ctx context.Context, q eventRowsQueryer, dossierID int64) ([]dossier.Event, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+eventCols+` FROM dossier_events e WHERE e.dossier_id = ? AND e.deleted_at IS NULL
		ORDER BY e.date, e.id`, dossierID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dossier.Event{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func insertEvent(ctx context.Context, tx *sql.Tx, e dossier.Event) (dossier.Event, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO dossier_events (dossier_id, kind, date, content, note) VALUES (?, ?, ?, ?, ?)`,
		e.DossierID, e.Kind, e.Date.String(), e.Content, e.Note)
	if err != nil {
		return e, err
	}
	e.ID, _ = res.LastInsertId()
	e.Version = 1
	return e, nil
}

// loadForEvent reads the dossier an event belongs to, with its timeline, inside the write transaction so
// that the check and the write see the same timeline.
func loadForEvent(ctx context.Context, tx *sql.Tx, dossierID int64) (dossier.Dossier, error) {
	d, err := scanDossier(tx.QueryRowContext(ctx, "SELECT "+dossierCols+dossierFrom+" WHERE d.id = ? AND d.deleted_at IS NULL", dossierID))
	if err != nil {
		return d, err
	}
	d.Events, err = dossierEvents(ctx, tx, dossierID)
	return d, err
}

// syncStatus keeps the status column in step with the timeline: a dossier with a "gesloten" event is
// closed, otherwise open.
func syncStatus(ctx context.Context, tx *sql.Tx, dossierID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE dossiers SET status = CASE WHEN EXISTS (SELECT 1 FROM dossier_events
		WHERE dossier_id = ?1 AND kind = 'gesloten' AND deleted_at IS NULL) THEN 'gesloten' ELSE 'open' END WHERE id = ?1`,
		dossierID)
	return err
}

func cleanEvent(e dossier.Event) dossier.Event {
	e.Content, e.Note = strings.TrimSpace(e.Content), strings.TrimSpace(e.Note)
	return e
}

// AddDossierEvent adds an event to a dossier's timeline. The whole timeline must still make sense (no
// event before the dossier started, no decision before the advice, ...); otherwise nothing is saved and
// the error is a *model.FieldError at "kind", "date", "content" or "note".
func (s *Store) AddDossierEvent(ctx context.Context, e dossier.Event) (dossier.Event, error) {
	e = cleanEvent(e)
	if _, err := dossier.ParseEventKind(string(e.Kind)); err != nil {
		return e, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		d, err := loadForEvent(ctx, tx, e.DossierID)
		if err != nil {
			return err
		}
		d.Events = append(d.Events, e)
		if err := dossier.CheckEvents(d); err != nil {
			return err
		}
		if e, err = insertEvent(ctx, tx, e); err != nil {
			return err
		}
		return syncStatus(ctx, tx, e.DossierID)
	})
	return e, err
}

// UpdateDossierEvent corrects an event's date, content and note (its kind stays) if nobody changed it
// since it was read (else model.ErrConflict), under the same checks as AddDossierEvent.
func (s *Store) UpdateDossierEvent(ctx context.Context, e dossier.Event) (dossier.Event, error) {
	e = cleanEvent(e)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var kind string
		var dossierID int64
		err := tx.QueryRowContext(ctx, "SELECT kind, dossier_id FROM dossier_events WHERE id = ? AND deleted_at IS NULL", e.ID).
			Scan(&kind, &dossierID)
		if err != nil {
			return err
		}
		e.Kind, e.DossierID = dossier.EventKind(kind), dossierID
		d, err := loadForEvent(ctx, tx, dossierID)
		if err != nil {
			return err
		}
		for i, old := range d.Events {
			if old.ID == e.ID {
				d.Events[i] = e
			}
		}
		if err := dossier.CheckEvents(d); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE dossier_events SET date = ?, content = ?, note = ?, version = version + 1
			WHERE id = ? AND version = ? AND deleted_at IS NULL`, e.Date.String(), e.Content, e.Note, e.ID, e.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "dossier_events", e.ID)
	})
	if err == nil {
		e.Version++
	}
	return e, err
}

// DeleteDossierEvent moves an event to the prullenbak. It is refused, with the reason, when the timeline
// would no longer make sense without it (a motivering without the decision it explains).
func (s *Store) DeleteDossierEvent(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var dossierID int64
		if err := tx.QueryRowContext(ctx, "SELECT dossier_id FROM dossier_events WHERE id = ? AND deleted_at IS NULL", id).
			Scan(&dossierID); err != nil {
			return err
		}
		d, err := loadForEvent(ctx, tx, dossierID)
		if err != nil {
			return err
		}
		kept := d.Events[:0]
		for _, e := range d.Events {
			if e.ID != id {
				kept = append(kept, e)
			}
		}
		d.Events = kept
		if err := dossier.CheckEvents(d); err != nil {
			return model.Invalid("date", "kan niet weg: zonder deze gebeurtenis klopt de tijdlijn niet meer ("+
				err.Error()+")")
		}
		if err := s.softDelete(ctx, tx, "dossier_events", id); err != nil {
			return err
		}
		return syncStatus(ctx, tx, dossierID)
	})
}

// restoreDossierEvent runs after an event came back from the prullenbak: a restored "gesloten" event
// closes its dossier again.
func restoreDossierEvent(ctx context.Context, tx *sql.Tx, id int64) error {
	var dossierID int64
	if err := tx.QueryRowContext(ctx, "SELECT dossier_id FROM dossier_events WHERE id = ?", id).Scan(&dossierID); err != nil {
		return err
	}
	return syncStatus(ctx, tx, dossierID)
}
