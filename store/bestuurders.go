package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

// Bestuurder returns the bestuurder of a body (model.ErrNotFound when none is set).
func (s *Store) Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error) {
	var b model.Bestuurder
	err := s.r.QueryRowContext(ctx, `SELECT id, body_id, name, title, salutation, email, version FROM bestuurders
		WHERE body_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`, bodyID).
		Scan(&b.ID, &b.BodyID, &b.Name, &b.Title, &b.Salutation, &b.Email, &b.Version)
	return b, mapErr(err)
}

// SaveBestuurder creates the body's bestuurder (ID 0) or updates it if nobody changed it meanwhile.
func (s *Store) SaveBestuurder(ctx context.Context, b model.Bestuurder) (model.Bestuurder, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if b.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO bestuurders (body_id, name, title, salutation, email) VALUES (?, ?, ?, ?, ?)`,
				b.BodyID, b.Name, b.Title, b.Salutation, b.Email)
			if err != nil {
				return err
			}
			b.ID, _ = res.LastInsertId()
			b.Version = 0 // incremented below
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE bestuurders SET name = ?, title = ?, salutation = ?, email = ?,
			version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			b.Name, b.Title, b.Salutation, b.Email, b.ID, b.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "bestuurders", b.ID)
	})
	if err == nil {
		b.Version++
	}
	return b, err
}
