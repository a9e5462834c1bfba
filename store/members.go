package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

const memberCols = "id, body_id, name, role, email, term_start, term_end, commission, version"

func scanMember(sc interface{ Scan(...any) error }) (model.Member, error) {
	var m model.Member
	var ts, te sql.NullString
	var comm int
	err := sc.Scan(&m.ID, &m.BodyID, &m.Name, &m.Role, &m.Email, &ts, &te, &comm, &m.Version)
	m.TermStart, m.TermEnd, m.Commission = scanDate(ts), scanDate(te), comm == 1
	return m, err
}

// Members lists the members of a body: chair first, then by name.
func (s *Store) Members(ctx context.Context, bodyID int64) ([]model.Member, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+memberCols+` FROM members WHERE body_id = ? AND deleted_at IS NULL
		ORDER BY CASE role WHEN 'voorzitter' THEN 0 WHEN 'vicevoorzitter' THEN 1 WHEN 'secretaris' THEN 2 ELSE 3 END,
		name COLLATE NOCASE`, bodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Member{}
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, mapErr(rows.Err())
}

// CreateMember adds a member to a body.
func (s *Store) CreateMember(ctx context.Context, m model.Member) (model.Member, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO members (body_id, name, role, email, term_start, term_end, commission)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, m.BodyID, m.Name, m.Role, m.Email, nullDate(m.TermStart), nullDate(m.TermEnd), b2i(m.Commission))
		if err != nil {
			return err
		}
		m.ID, _ = res.LastInsertId()
		m.Version = 1
		return nil
	})
	return m, err
}

// UpdateMember saves m if nobody changed it since it was read (else model.ErrConflict).
func (s *Store) UpdateMember(ctx context.Context, m model.Member) (model.Member, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE members SET name = ?, role = ?, email = ?, term_start = ?, term_end = ?,
			commission = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			m.Name, m.Role, m.Email, nullDate(m.TermStart), nullDate(m.TermEnd), b2i(m.Commission), m.ID, m.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "members", m.ID)
	})
	if err == nil {
		m.Version++
	}
	return m, err
}

// Member returns one member.
func (s *Store) Member(ctx context.Context, id int64) (model.Member, error) {
	m, err := scanMember(s.r.QueryRowContext(ctx, "SELECT "+memberCols+" FROM members WHERE id = ? AND deleted_at IS NULL", id))
	return m, mapErr(err)
}

// DeleteMember moves a member to the prullenbak.
func (s *Store) DeleteMember(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "members", id) })
}

// SetTraining records the training days (art 18 WOR) a member took in a year.
func (s *Store) SetTraining(ctx context.Context, memberID int64, year int, days float64) error {
	if days < 0 || days > 366 {
		return model.Invalid("days", "aantal scholingsdagen moet tussen 0 en 366 liggen")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO training (member_id, year, days) VALUES (?, ?, ?)
			ON CONFLICT (member_id, year) DO UPDATE SET days = excluded.days`, memberID, year, days)
		return err
	})
}

// Training returns the training days a member took in a year.
func (s *Store) Training(ctx context.Context, memberID int64, year int) (float64, error) {
	var d float64
	err := s.r.QueryRowContext(ctx, "SELECT days FROM training WHERE member_id = ? AND year = ?", memberID, year).Scan(&d)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return d, mapErr(err)
}
