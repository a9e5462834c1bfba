package store

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// SQLite result codes werkbank maps to its own errors.
const (
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteFull     = 13
)

// mapErr turns driver errors into werkbank's sentinels so no "database is locked" reaches a user.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.ErrNotFound
	}
	var coded interface{ Code() int }
	if errors.As(err, &coded) {
		switch coded.Code() & 0xff {
		case sqliteBusy, sqliteLocked:
			return userError{model.ErrBusy, err}
		case sqliteReadOnly:
			return fmt.Errorf("%w (%v)", model.ErrReadOnly, err)
		case sqliteFull:
			return userError{model.ErrDiskFull, err}
		}
	}
	return err
}
