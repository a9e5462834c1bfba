package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
)

const dossierCols = `d.id, d.body_id, d.kind, d.title, d.description, d.status, d.owner_id, COALESCE(m.name, ''),
	d.started_on, d.imposition_id, d.version`

const dossierFrom = ` FROM dossiers d LEFT JOIN members m ON m.id = d.owner_id AND m.deleted_at IS NULL`

func scanDossier(sc interface{ Scan(...any) error }) (dossier.Dossier, error) {
	var d dossier.Dossier
	var owner, imp sql.NullInt64
	var started sql.NullString
	err := sc.Scan(&d.ID, &d.BodyID, &d.Kind, &d.Title, &d.Description, &d.Status, &owner, &d.Owner, &started,
		&imp, &d.Version)
	d.OwnerID, d.ImpositionID, d.StartedOn = owner.Int64, imp.Int64, scanDate(started)
	d.Events = []dossier.Event{}
	return d, err
}

// dossierWhere is the condition of a filter on the dossiers table (alias d), with its arguments.
func dossierWhere(f dossier.Filter) (string, []any) {
	q := " WHERE d.deleted_at IS NULL"
	var args []any
	if f.BodyID != 0 {
		q += " AND d.body_id = ?"
		args = append(args, f.BodyID)
	}
	if f.Status != "" {
		q += " AND d.status = ?"
		args = append(args, f.Status)
	}
	if f.Kind != "" {
		q += " AND d.kind = ?"
		args = append(args, f.Kind)
	}
	return q, args
}

// Dossiers lists the dossiers that match f, with their timelines, the most recently started first.
func (s *Store) Dossiers(ctx context.Context, f dossier.Filter) ([]dossier.Dossier, error) {
	where, args := dossierWhere(f)
	return s.dossierList(ctx, "SELECT "+dossierCols+dossierFrom+where+" ORDER BY d.started_on DESC, d.id DESC", args,
		`SELECT `+eventCols+` FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id`+where+
			` AND e.deleted_at IS NULL ORDER BY e.date, e.id`, args)
}

// dossierList reads the dossiers of one query and the timelines of another (the events of those dossiers,
// in timeline order) in two statements, never one per dossier.
func (s *Store) dossierList(ctx context.Context, query string, args []any, events string, eventArgs []any) ([]dossier.Dossier, error) {
	rows, err := s.r.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	out := []dossier.Dossier{}
	index := map[int64]int{}
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		index[d.ID] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapErr(err)
	}
	if len(out) == 0 {
		return out, nil
	}
	evs, err := s.r.QueryContext(ctx, events, eventArgs...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer evs.Close()
	for evs.Next() {
		e, err := scanEvent(evs)
		if err != nil {
			return nil, err
		}
		if i, ok := index[e.DossierID]; ok {
			out[i].Events = append(out[i].Events, e)
		}
	}
	return out, mapErr(evs.Err())
}

// Dossier returns one dossier with its timeline.
func (s *Store) Dossier(ctx context.Context, id int64) (dossier.Dossier, error) {
	d, err := scanDossier(s.r.QueryRowContext(ctx, "SELECT "+dossierCols+dossierFrom+" WHERE d.id = ? AND d.deleted_at IS NULL", id))
	if err != nil {
		return d, mapErr(err)
	}
	d.Events, err = dossierEvents(ctx, s.r, id)
	return d, mapErr(err)
}

// checkOwner refuses an owner who is not a member of the dossier's body.
func checkOwner(ctx context.Context, tx *sql.Tx, d dossier.Dossier) error {
	if d.OwnerID == 0 {
		return nil
	}
	var body int64
	err := tx.QueryRowContext(ctx, "SELECT body_id FROM members WHERE id = ? AND deleted_at IS NULL", d.OwnerID).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) || err == nil && body != d.BodyID {
		return model.Invalid("owner_id", "de eigenaar is geen lid van dit orgaan")
	}
	return err
}

// CreateDossier adds a dossier. A dossier about a request (advice, consent) starts with "ontvangen" on
// its start date, one about the council's own proposal or request with "verzonden"; both in the same
// transaction, so a dossier never exists without its first event.
func (s *Store) CreateDossier(ctx context.Context, d dossier.Dossier) (dossier.Dossier, error) {
	d.Title, d.Description = strings.TrimSpace(d.Title), strings.TrimSpace(d.Description)
	if err := d.Validate(); err != nil {
		return d, err
	}
	d.Status, d.Events = dossier.StatusOpen, []dossier.Event{}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkOwner(ctx, tx, d); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO dossiers (body_id, kind, title, description, status, owner_id, started_on,
			imposition_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.BodyID, d.Kind, d.Title, d.Description, d.Status,
			nullID(d.OwnerID), d.StartedOn.String(), nullID(d.ImpositionID), s.stamp())
		if err != nil {
			return err
		}
		d.ID, _ = res.LastInsertId()
		d.Version = 1
		if k := dossier.FirstEvent(d.Kind); k != "" {
			e, err := insertEvent(ctx, tx, dossier.Event{DossierID: d.ID, Kind: k, Date: d.StartedOn})
			if err != nil {
				return err
			}
			d.Events = append(d.Events, e)
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	if d.OwnerID != 0 {
		if m, err := s.Member(ctx, d.OwnerID); err == nil {
			d.Owner = m.Name
		}
	}
	return d, nil
}

// UpdateDossier saves kind, title, description, owner and start if nobody changed the dossier since it
// was read (else model.ErrConflict). A new kind or start must still fit the timeline.
func (s *Store) UpdateDossier(ctx context.Context, d dossier.Dossier) (dossier.Dossier, error) {
	d.Title, d.Description = strings.TrimSpace(d.Title), strings.TrimSpace(d.Description)
	if err := d.Validate(); err != nil {
		return d, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkOwner(ctx, tx, d); err != nil {
			return err
		}
		evs, err := dossierEvents(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		d.Events = evs
		if err := dossier.CheckEvents(d); err != nil {
			var fe *model.FieldError
			if errors.As(err, &fe) && fe.Field == "kind" {
				return model.Invalid("kind", "de tijdlijn past niet bij deze soort: "+fe.Message)
			}
			if errors.As(err, &fe) {
				return model.Invalid("started_on", "de tijdlijn past niet bij deze startdatum: "+fe.Message)
			}
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE dossiers SET kind = ?, title = ?, description = ?, owner_id = ?, started_on = ?,
			version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			d.Kind, d.Title, d.Description, nullID(d.OwnerID), d.StartedOn.String(), d.ID, d.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "dossiers", d.ID)
	})
	if err == nil {
		d.Version++
	}
	return d, err
}

// DeleteDossier moves a dossier (with its timeline) to the prullenbak.
func (s *Store) DeleteDossier(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "dossiers", id) })
}

// DossierLinks counts the documents, letters, agenda items, actions and decisions that refer to a dossier.
func (s *Store) DossierLinks(ctx context.Context, id int64) (dossier.Links, error) {
	var l dossier.Links
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents WHERE dossier_id = ?1 AND deleted_at IS NULL),
		(SELECT count(*) FROM letters WHERE dossier_id = ?1 AND deleted_at IS NULL),
		(SELECT count(*) FROM agenda_items WHERE dossier_id = ?1 AND deleted_at IS NULL),
		(SELECT count(*) FROM actions WHERE dossier_id = ?1 AND deleted_at IS NULL),
		(SELECT count(*) FROM decisions WHERE dossier_id = ?1 AND deleted_at IS NULL)`, id).
		Scan(&l.Documents, &l.Letters, &l.AgendaItems, &l.Actions, &l.Decisions)
	return l, mapErr(err)
}

// Termijnen builds the overview of what is due on today for one body, or for every body when bodyID is 0:
// the open terms of open dossiers and the terms of meetings (agenda, OV on request, art 24).
func (s *Store) Termijnen(ctx context.Context, bodyID int64, today model.Date) (dossier.Overview, error) {
	bodies, err := s.Bodies(ctx)
	if err != nil {
		return dossier.Overview{}, err
	}
	in := dossier.Input{Today: today}
	if in.Calendar, err = s.Calendar(ctx); err != nil {
		return dossier.Overview{}, err
	}
	from := model.NewDate(today.Year(), 1, 1)
	if w := today.AddDays(-dossier.OverdueDays - 14); w.Before(from) {
		from = w // an OV asked for late in December keeps its term into January
	}
	for _, b := range bodies {
		if bodyID != 0 && b.ID != bodyID {
			continue
		}
		in.Bodies = append(in.Bodies, b)
		ms, err := s.Meetings(ctx, b.ID, from, 0)
		if err != nil {
			return dossier.Overview{}, err
		}
		in.Meetings = append(in.Meetings, ms...)
	}
	ds, err := s.Dossiers(ctx, dossier.Filter{BodyID: bodyID, Status: dossier.StatusOpen})
	if err != nil {
		return dossier.Overview{}, err
	}
	in.Dossiers = ds
	return dossier.Build(in), nil
}
