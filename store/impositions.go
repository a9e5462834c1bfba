package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

const impositionCols = "id, body_id, imposed_by, subject, from_date, until_date, exempt, released, version"

func scanImposition(sc interface{ Scan(...any) error }) (model.Imposition, error) {
	var i model.Imposition
	var from, until, rel sql.NullString
	err := sc.Scan(&i.ID, &i.BodyID, &i.ImposedBy, &i.Subject, &from, &until, &i.Exempt, &rel, &i.Version)
	i.From, i.Until, i.Released = scanDate(from), scanDate(until), scanDate(rel)
	return i, err
}

// CreateImposition records an art 20 confidentiality obligation.
func (s *Store) CreateImposition(ctx context.Context, i model.Imposition) (model.Imposition, error) {
	if err := i.Validate(); err != nil {
		return i, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		i, err = insertImposition(ctx, tx, i)
		return err
	})
	return i, err
}

func insertImposition(ctx context.Context, tx *sql.Tx, i model.Imposition) (model.Imposition, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO impositions (body_id, imposed_by, subject, from_date, until_date, exempt, released)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, i.BodyID, i.ImposedBy, i.Subject, nullDate(i.From), nullDate(i.Until), i.Exempt, nullDate(i.Released))
	if err != nil {
		return i, err
	}
	i.ID, _ = res.LastInsertId()
	i.Version = 1
	return i, nil
}

// Imposition returns one imposition.
func (s *Store) Imposition(ctx context.Context, id int64) (model.Imposition, error) {
	i, err := scanImposition(s.r.QueryRowContext(ctx, "SELECT "+impositionCols+" FROM impositions WHERE id = ?", id))
	return i, mapErr(err)
}

// Impositions lists the impositions of a body, newest first.
func (s *Store) Impositions(ctx context.Context, bodyID int64) ([]model.Imposition, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+impositionCols+" FROM impositions WHERE body_id = ? ORDER BY from_date DESC, id DESC", bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Imposition{}
	for rows.Next() {
		i, err := scanImposition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, mapErr(rows.Err())
}

// ReleaseImposition records that the AS reviewed an expired imposition and released its data.
func (s *Store) ReleaseImposition(ctx context.Context, id int64, version int64, on model.Date) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE impositions SET released = ?, version = version + 1 WHERE id = ? AND version = ?`,
			on.String(), id, version)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			var one int
			if err := tx.QueryRowContext(ctx, "SELECT 1 FROM impositions WHERE id = ?", id).Scan(&one); err != nil {
				return err
			}
			return model.ErrConflict
		}
		return nil
	})
}
