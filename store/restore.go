package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"modernc.org/sqlite"
)

// ErrCoachCopy refuses a coach copy where a backup is expected: it lacks what is confidential.
var ErrCoachCopy = errors.New("dit is een kopie voor de coach, geen back-up: daarin ontbreekt wat geheim is")

// backupAPI is what modernc.org/sqlite's driver connection offers of SQLite's online backup API.
type backupAPI interface {
	NewBackup(dstURI string) (*sqlite.Backup, error)
	NewRestore(srcURI string) (*sqlite.Backup, error)
}

// RestoreFrom replaces the database's contents with the backup at path. It first checks the backup
// (header, application, version, SQLite's quick_check), then saves the current database aside next to
// it (the returned path), and only then copies the backup in through SQLite's backup API on the write
// connection: one write transaction, so every process that has the database open sees one consistent
// change at its next read, and none sees half of it. An older backup is migrated afterwards.
func (s *Store) RestoreFrom(ctx context.Context, path string) (aside string, err error) {
	if s.readOnly {
		return "", model.ErrReadOnly
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("ongeldig pad %q: %w", path, err)
	}
	if abs == s.path {
		return "", fmt.Errorf("%s is de database zelf, geen back-up", path)
	}
	h, err := verifyBackup(ctx, abs)
	if err != nil {
		return "", err
	}
	src := abs
	if int(h.userVersion) < len(migrations) {
		// An older backup is migrated in a private copy first, so other processes never see the old
		// schema, not even for a moment.
		tmp, err := migratedCopy(ctx, abs)
		if err != nil {
			return "", fmt.Errorf("kan de back-up niet bijwerken naar deze versie, er is niets gewijzigd: %w", err)
		}
		defer os.RemoveAll(filepath.Dir(tmp)) // the copy's private folder
		src = tmp
	}
	aside = s.asideName()
	if err := s.BackupTo(ctx, aside); err != nil {
		return "", fmt.Errorf("kan de huidige database niet eerst apart zetten, er is niets gewijzigd: %w", err)
	}
	if err := s.copyIn(ctx, src); err != nil {
		return aside, fmt.Errorf("terugzetten mislukt, de database is ongewijzigd (een kopie staat in %s): %w", aside, err)
	}
	return aside, nil
}

// asideName is where RestoreFrom keeps the database as it was: next to it, named with the moment.
func (s *Store) asideName() string {
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	return filepath.Join(filepath.Dir(s.path), base+"-voor-herstel-"+s.now().Format("2006-01-02-150405")+".db")
}

// verifyBackup refuses anything that is not a sound werkbank backup this binary can read.
func verifyBackup(ctx context.Context, path string) (header, error) {
	h, err := readHeader(path)
	switch {
	case err != nil:
		return h, fmt.Errorf("geen bruikbare back-up: %w", err)
	case !h.exists:
		return h, fmt.Errorf("back-up %s bestaat niet", path)
	case h.empty:
		return h, fmt.Errorf("back-up %s is leeg", path)
	case h.appID == CoachAppID:
		return h, fmt.Errorf("%s: %w", path, ErrCoachCopy)
	}
	db, err := sql.Open("sqlite", dsn(path, url.Values{"mode": {"ro"}}))
	if err != nil {
		return h, err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&res); err != nil {
		return h, fmt.Errorf("back-up %s is beschadigd: %v", path, err)
	}
	if res != "ok" {
		res = strings.TrimSpace(strings.TrimPrefix(res, "*** in database main ***"))
		return h, fmt.Errorf("back-up %s is beschadigd: %s", path, res)
	}
	return h, nil
}

// copyIn copies the database at src over this one with the backup API, in a single step.
func (s *Store) copyIn(ctx context.Context, src string) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return mapErr(err)
	}
	defer conn.Close()
	uri := dsn(src, url.Values{"mode": {"ro"}})
	for attempt := 0; ; attempt++ {
		err = conn.Raw(func(dc any) error {
			api, ok := dc.(backupAPI)
			if !ok {
				return errors.New("store: the SQLite driver offers no backup API")
			}
			b, err := api.NewRestore(uri)
			if err != nil {
				return err
			}
			if _, err := b.Step(-1); err != nil {
				b.Finish()
				return err
			}
			return b.Finish()
		})
		err = mapErr(err)
		if !errors.Is(err, model.ErrBusy) || attempt == busyRetries {
			if errors.Is(err, model.ErrBusy) {
				return model.ErrBusy
			}
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(busyPause):
		}
	}
}

// privateCopy copies the database, page for page, into a new private temporary file: for checks on a
// read-only database, whose bytes must not change.
func (s *Store) privateCopy(ctx context.Context) (string, error) {
	f, err := os.CreateTemp("", "werkbank-check-*.db")
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijke kopie maken: %w", err)
	}
	tmp := f.Name()
	f.Close()
	src, err := s.snapshotConn()
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	defer src.Close()
	conn, err := src.Conn(ctx)
	if err != nil {
		os.Remove(tmp)
		return "", mapErr(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		api, ok := dc.(backupAPI)
		if !ok {
			return errors.New("store: the SQLite driver offers no backup API")
		}
		b, err := api.NewBackup(dsn(tmp, url.Values{}))
		if err != nil {
			return err
		}
		if _, err := b.Step(-1); err != nil {
			b.Finish()
			return err
		}
		return b.Finish()
	})
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("kan geen tijdelijke kopie maken: %w", mapErr(err))
	}
	return tmp, nil
}
