package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Backups are whole copies of the database made with VACUUM INTO: a consistent snapshot even while
// other processes write, in rollback-journal mode so each is one self-contained file. A plain file
// copy of a WAL database could miss committed data, so werkbank never makes one.
//
// The day's backup is named <db>-<hash>-YYYY-MM-DD.db, one made by hand <db>-<hash>-YYYY-MM-DD-HHMMSS.db.
// The hash is of the database's absolute path (as in ResolvePaths), so backups of two databases never
// mix, even when the user points both at one backup folder. Rotation only ever looks at files with
// this database's prefix.

// Settings that steer backups.
const (
	SettingBackupKeep = "backup_keep" // how many backups to keep; default DefaultBackupKeep
	SettingBackupDir  = "backup_dir"  // where backups go; default Paths.Backups
	DefaultBackupKeep = 14
)

// BackupFile is one backup of this database.
type BackupFile struct {
	Path string    `json:"path"`
	Made time.Time `json:"made"`
	Size int64     `json:"size"`
}

// backupPrefix is the start of every backup file name of the database at path.
func backupPrefix(path string) string {
	sum := sha256.Sum256([]byte(path))
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return name + "-" + hex.EncodeToString(sum[:4])
}

// BackupDir is where this database's backups go: the backup_dir setting when set, else def.
func (s *Store) BackupDir(ctx context.Context, def string) string {
	if v, err := s.Setting(ctx, SettingBackupDir, ""); err == nil && strings.TrimSpace(v) != "" {
		return expandHome(strings.TrimSpace(v))
	}
	return def
}

// BackupKeep is how many backups rotation keeps (the backup_keep setting, at least 1).
func (s *Store) BackupKeep(ctx context.Context) int {
	v, err := s.Setting(ctx, SettingBackupKeep, "")
	if err != nil || v == "" {
		return DefaultBackupKeep
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 {
		return DefaultBackupKeep
	}
	return n
}

// DailyBackup makes today's backup in dir (or the backup_dir setting) unless it is already there, and
// then removes the oldest backups beyond BackupKeep. made says whether a backup was written now. A
// read-only database gets no daily backup: opening it must leave no trace. An error is a warning for
// the caller to show; the database itself is never touched by a backup.
func (s *Store) DailyBackup(ctx context.Context, dir string) (path string, made bool, err error) {
	if s.readOnly {
		return "", false, nil
	}
	dir = s.BackupDir(ctx, dir)
	path = filepath.Join(dir, backupPrefix(s.path)+"-"+s.now().Format("2006-01-02")+".db")
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return path, false, nil
	}
	if err := s.BackupTo(ctx, path); err != nil {
		return "", false, err
	}
	return path, true, s.rotateBackups(ctx, dir)
}

// BackupNow makes a backup in dir (or the backup_dir setting) right now, named with date and time,
// and rotates like the daily one.
func (s *Store) BackupNow(ctx context.Context, dir string) (string, error) {
	dir = s.BackupDir(ctx, dir)
	path := filepath.Join(dir, backupPrefix(s.path)+"-"+s.now().Format("2006-01-02-150405")+".db")
	if err := s.BackupTo(ctx, path); err != nil {
		return "", err
	}
	return path, s.rotateBackups(ctx, dir)
}

// BackupTo writes a consistent copy of the database to out (a new file, or one it replaces in a
// single rename). The copy is written to a temporary file next to out, synced, and only then renamed,
// so a crash or a full disk never leaves a half backup under a backup's name.
func (s *Store) BackupTo(ctx context.Context, out string) error {
	dir := filepath.Dir(out)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("back-up mislukt: kan map %s niet maken: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(out)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("back-up mislukt: kan niet schrijven in %s: %w", dir, err)
	}
	tmp := f.Name()
	f.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(tmp)
		}
	}()
	// VACUUM INTO accepts an empty file, so the copy keeps the 0600 mode CreateTemp gave it.
	if err := s.vacuumInto(ctx, tmp); err != nil {
		return fmt.Errorf("back-up mislukt: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("back-up mislukt: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return fmt.Errorf("back-up mislukt: %w", err)
	}
	done = true
	syncDir(dir)
	return nil
}

// vacuumInto copies the database into the empty file out through a connection of its own: the read
// pool is query_only, which refuses VACUUM INTO, and the write connection must stay free for writes.
func (s *Store) vacuumInto(ctx context.Context, out string) error {
	src, err := s.snapshotConn()
	if err != nil {
		return err
	}
	defer src.Close()
	if _, err := src.ExecContext(ctx, "VACUUM INTO ?", out); err != nil {
		return mapErr(err)
	}
	return nil
}

// snapshotConn opens the database read-only, for copies.
func (s *Store) snapshotConn() (*sql.DB, error) {
	p := url.Values{}
	p.Set("mode", "ro")
	if s.coach {
		p.Set("immutable", "1")
	}
	p.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", dsn(s.path, p))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; some systems cannot sync a directory, which is no reason to fail.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Backups lists this database's backups in dir (or the backup_dir setting), newest first.
func (s *Store) Backups(ctx context.Context, dir string) ([]BackupFile, error) {
	return listBackups(s.BackupDir(ctx, dir), backupPrefix(s.path))
}

func listBackups(dir, prefix string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return []BackupFile{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("kan back-upmap %s niet lezen: %w", dir, err)
	}
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `-(\d{4}-\d{2}-\d{2})(-\d{6})?\.db$`)
	out := []BackupFile{}
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		stamp := m[2]
		if stamp == "" {
			stamp = "-000000" // the day's backup counts as made at midnight
		}
		made, err := time.ParseInLocation("2006-01-02-150405", m[1]+stamp, time.Local)
		if err != nil {
			continue
		}
		b := BackupFile{Path: filepath.Join(dir, e.Name()), Made: made}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Made.After(out[j].Made) })
	return out, nil
}

// rotateBackups removes this database's oldest backups beyond BackupKeep.
func (s *Store) rotateBackups(ctx context.Context, dir string) error {
	all, err := listBackups(dir, backupPrefix(s.path))
	if err != nil {
		return err
	}
	keep := s.BackupKeep(ctx)
	var errs []error
	for _, b := range all[min(keep, len(all)):] {
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("back-up gemaakt, maar oude back-ups opruimen mislukte: %w", errors.Join(errs...))
	}
	return nil
}
