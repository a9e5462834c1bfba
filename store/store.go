package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Options says how to open a database.
type Options struct {
	// ReadOnly opens without writing a byte: every write method returns model.ErrReadOnly.
	ReadOnly bool
	// Now is the clock; nil means time.Now. Tests inject a fixed one.
	Now func() time.Time
	// Passphrase is asked for an encrypted coach copy (see coach_crypt.go); nil refuses such a file.
	Passphrase func() ([]byte, error)
}

// Store is one open werkbank database.
type Store struct {
	path     string
	readOnly bool
	coach    bool
	now      func() time.Time
	w        *sql.DB // one connection, for writes; nil when read-only
	r        *sql.DB // a small pool for reads
	cleanup  []func()

	dvMu   sync.Mutex
	dvConn *sql.Conn
	dv     int64

	busy busyHook // see retry.go
}

// Open opens (creating when needed) the database at path. Before SQLite touches the file it reads the
// header itself and refuses a file that is not SQLite, belongs to another application, or is newer than
// this binary, without writing a byte.
func Open(path string, opt Options) (*Store, error) {
	ctx := context.Background()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("ongeldig pad %q: %w", path, err)
	}
	if enc, err := IsEncrypted(abs); err != nil || enc {
		if err != nil {
			return nil, err
		}
		return openEncrypted(abs, opt)
	}
	h, err := readHeader(abs)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, readOnly: opt.ReadOnly, now: opt.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if h.appID == CoachAppID {
		s.coach, s.readOnly = true, true
	}
	if s.readOnly {
		if !h.exists || h.empty {
			return nil, fmt.Errorf("%s: %w", abs, ErrNoDatabase)
		}
		if err := s.openReadOnly(ctx, h); err != nil {
			s.Close()
			return nil, err
		}
		return s, nil
	}
	if !h.exists {
		if err := createFile(abs); err != nil {
			return nil, err
		}
	}
	if err := s.openReadWrite(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// createFile makes the directory 0700 and the file 0600 before SQLite opens it, so the database is
// never readable by others, not even for a moment.
func createFile(path string) error {
	dir := filepath.Dir(path)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("kan map %s niet maken: %w", dir, err)
		}
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("kan rechten van %s niet zetten: %w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil && !errors.Is(err, os.ErrExist) {
		return fmt.Errorf("kan database %s niet maken: %w", path, err)
	}
	if f != nil {
		return f.Close()
	}
	return nil
}

func dsn(path string, params url.Values) string {
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: params.Encode()}
	return u.String()
}

func (s *Store) openReadWrite(ctx context.Context) error {
	p := url.Values{}
	p.Add("_pragma", "busy_timeout(10000)")
	p.Add("_pragma", "foreign_keys(1)")
	p.Add("_pragma", "journal_mode(WAL)")
	p.Add("_pragma", "synchronous(NORMAL)")
	p.Set("_txlock", "immediate")
	w, err := sql.Open("sqlite", dsn(s.path, p))
	if err != nil {
		return err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s.w = w
	if err := migrate(ctx, w, AppID); err != nil {
		return wrapOpenErr(s.path, err)
	}
	if err := os.Chmod(s.path, 0o600); err != nil {
		return err
	}
	rp := url.Values{}
	rp.Add("_pragma", "busy_timeout(10000)")
	rp.Add("_pragma", "foreign_keys(1)")
	rp.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", dsn(s.path, rp))
	if err != nil {
		return err
	}
	r.SetMaxOpenConns(4)
	s.r = r
	return s.initDataVersion(ctx)
}

func (s *Store) openReadOnly(ctx context.Context, h header) error {
	path := s.path
	if int(h.userVersion) < len(migrations) {
		// An older database is read through a private migrated copy; the original is never changed.
		tmp, err := migratedCopy(ctx, path)
		if err != nil {
			return err
		}
		s.cleanup = append(s.cleanup, func() { os.RemoveAll(filepath.Dir(tmp)) })
		path = tmp
	}
	p := url.Values{}
	p.Set("mode", "ro")
	if s.coach {
		// A coach copy is in rollback-journal mode and nobody else writes it: immutable means SQLite
		// creates no side files and takes no locks.
		p.Set("immutable", "1")
	}
	p.Add("_pragma", "busy_timeout(10000)")
	p.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", dsn(path, p))
	if err != nil {
		return err
	}
	r.SetMaxOpenConns(4)
	s.r = r
	if err := r.PingContext(ctx); err != nil {
		return wrapOpenErr(s.path, err)
	}
	return s.initDataVersion(ctx)
}

// migratedCopy copies an older database into a private 0600 temporary file and migrates that copy.
func migratedCopy(ctx context.Context, path string) (string, error) {
	// VACUUM INTO creates the file itself with the default mode, so it goes into a private 0700 folder
	// that is never readable by others, not even before the chmod below.
	dir, err := os.MkdirTemp("", "werkbank-ro-*")
	if err != nil {
		return "", fmt.Errorf("kan geen tijdelijke kopie maken: %w", err)
	}
	tmp := filepath.Join(dir, "kopie.db")
	p := url.Values{}
	p.Set("mode", "ro")
	src, err := sql.Open("sqlite", dsn(path, p))
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.RemoveAll(dir)
		return "", wrapOpenErr(path, err)
	}
	os.Chmod(tmp, 0o600)
	var appID int64
	if err := src.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	dst, err := sql.Open("sqlite", dsn(tmp, url.Values{"_pragma": {"foreign_keys(1)"}}))
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	defer dst.Close()
	if err := migrate(ctx, dst, uint32(appID)); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return tmp, nil
}

func wrapOpenErr(path string, err error) error {
	return fmt.Errorf("kan database %s niet openen: %w", path, err)
}

// Close releases the database and removes private temporary copies.
func (s *Store) Close() error {
	if s == nil {
		return nil
	}
	s.dvMu.Lock()
	if s.dvConn != nil {
		s.dvConn.Close()
		s.dvConn = nil
	}
	s.dvMu.Unlock()
	var err error
	if s.r != nil {
		err = s.r.Close()
	}
	if s.w != nil {
		if e := s.w.Close(); err == nil {
			err = e
		}
	}
	for _, f := range s.cleanup {
		f()
	}
	s.cleanup = nil
	return err
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// IsCoachCopy reports whether this is a coach copy (always read-only).
func (s *Store) IsCoachCopy() bool { return s.coach }

// Today is the user's local date.
func (s *Store) Today() model.Date { return model.DateOf(s.now()) }

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// initDataVersion pins one read connection to watch PRAGMA data_version, which changes when another
// connection (in this or another process) commits.
func (s *Store) initDataVersion(ctx context.Context) error {
	c, err := s.r.Conn(ctx)
	if err != nil {
		return err
	}
	s.dvConn = c
	return c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&s.dv)
}

// Changed reports, cheaply, whether the database was changed by another connection since the last
// call. A TUI calls it after each key and reloads what it shows when it returns true.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	s.dvMu.Lock()
	defer s.dvMu.Unlock()
	if s.dvConn == nil {
		return false, nil
	}
	var v int64
	if err := s.dvConn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return false, err
	}
	changed := v != s.dv
	s.dv = v
	return changed, nil
}

// tx runs fn in one short IMMEDIATE write transaction.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return model.ErrReadOnly
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return mapErr(err)
	}
	return mapErr(tx.Commit())
}
