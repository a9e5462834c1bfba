package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// nullDate stores the zero date as NULL.
func nullDate(d model.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// scanDate reads a nullable TEXT date.
func scanDate(ns sql.NullString) model.Date {
	if !ns.Valid || ns.String == "" {
		return model.Date{}
	}
	d, err := model.ParseDate(ns.String)
	if err != nil {
		return model.Date{}
	}
	return d
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkUpdated turns "no row changed" into ErrConflict (the row exists with another version) or
// ErrNotFound (it does not exist, or is in the bin).
func checkUpdated(ctx context.Context, tx *sql.Tx, res sql.Result, table string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 1 {
		return nil
	}
	var one int
	err = tx.QueryRowContext(ctx, fmt.Sprintf("SELECT 1 FROM %s WHERE id = ? AND deleted_at IS NULL", table), id).Scan(&one)
	if err == sql.ErrNoRows {
		return model.ErrNotFound
	}
	if err != nil {
		return err
	}
	return model.ErrConflict
}
