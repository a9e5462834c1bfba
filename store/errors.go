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
	// Extended codes of SQLITE_CONSTRAINT (19).
	sqliteConstraintFK     = 787
	sqliteConstraintPK     = 1555
	sqliteConstraintUnique = 2067
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
		switch coded.Code() {
		case sqliteConstraintUnique, sqliteConstraintPK:
			return userError{model.ErrExists, err}
		case sqliteConstraintFK:
			return userError{model.ErrOrphan, err}
		}
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
