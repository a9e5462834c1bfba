package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/werkbank-nl/werkbank/model"
)

const bodyCols = "id, name, kind, rule_set, company, address, place, version"

func scanBody(sc interface{ Scan(...any) error }) (model.Body, error) {
	var b model.Body
	err := sc.Scan(&b.ID, &b.Name, &b.Kind, &b.RuleSet, &b.Company, &b.Address, &b.Place, &b.Version)
	return b, err
}

// IsEmpty reports whether the database holds no body yet (a brand-new database).
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM bodies").Scan(&n)
	return n == 0, mapErr(err)
}

// Bodies lists the bodies (not in the bin), the active one marked.
func (s *Store) Bodies(ctx context.Context) ([]model.Body, error) {
	active, _ := s.activeBodyID(ctx, s.r)
	rows, err := s.r.QueryContext(ctx, "SELECT "+bodyCols+" FROM bodies WHERE deleted_at IS NULL ORDER BY id")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Body{}
	for rows.Next() {
		b, err := scanBody(rows)
		if err != nil {
			return nil, err
		}
		b.Active = b.ID == active
		out = append(out, b)
	}
	if len(out) > 0 && active == 0 {
		out[0].Active = true
	}
	return out, mapErr(rows.Err())
}

type queryer interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (s *Store) activeBodyID(ctx context.Context, q queryer) (int64, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'active_body_id'").Scan(&v)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(v, 10, 64)
}

// ActiveBody returns the body the user works for now: the one chosen, else the first.
func (s *Store) ActiveBody(ctx context.Context) (model.Body, error) {
	bodies, err := s.Bodies(ctx)
	if err != nil {
		return model.Body{}, err
	}
	for _, b := range bodies {
		if b.Active {
			return b, nil
		}
	}
	return model.Body{}, model.ErrNotFound
}

// SetActiveBody makes id the active body.
func (s *Store) SetActiveBody(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM bodies WHERE id = ? AND deleted_at IS NULL", id).Scan(&one); err != nil {
			return err
		}
		return setSetting(ctx, tx, "active_body_id", strconv.FormatInt(id, 10))
	})
}

// CreateBody adds a body; the first body becomes the active one.
func (s *Store) CreateBody(ctx context.Context, b model.Body) (model.Body, error) {
	if b.RuleSet == "" {
		b.RuleSet = b.Kind.DefaultRuleSet()
	}
	if err := b.Validate(); err != nil {
		return b, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO bodies (name, kind, rule_set, company, address, place, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, b.Name, b.Kind, b.RuleSet, b.Company, b.Address, b.Place, s.stamp())
		if err != nil {
			return err
		}
		b.ID, _ = res.LastInsertId()
		b.Version = 1
		if _, err := s.activeBodyID(ctx, tx); err == sql.ErrNoRows {
			b.Active = true
			return setSetting(ctx, tx, "active_body_id", strconv.FormatInt(b.ID, 10))
		}
		return nil
	})
	return b, err
}

// UpdateBody saves b if nobody changed it since it was read (else model.ErrConflict).
func (s *Store) UpdateBody(ctx context.Context, b model.Body) (model.Body, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE bodies SET name = ?, kind = ?, rule_set = ?, company = ?, address = ?,
			place = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			b.Name, b.Kind, b.RuleSet, b.Company, b.Address, b.Place, b.ID, b.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "bodies", b.ID)
	})
	if err == nil {
		b.Version++
	}
	return b, err
}

// Body returns one body.
func (s *Store) Body(ctx context.Context, id int64) (model.Body, error) {
	b, err := scanBody(s.r.QueryRowContext(ctx, "SELECT "+bodyCols+" FROM bodies WHERE id = ? AND deleted_at IS NULL", id))
	return b, mapErr(err)
}
