//go:build unix

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Everything werkbank writes of the council's data is the AS's alone: files 0600, the folders werkbank
// makes 0700, and temporary copies gone when done or on exit, also after an error.

func wantMode(t *testing.T, path string, want fs.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s: mode %o, want %o", path, got, want)
	}
}

func TestPrivateFileModes(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	db := filepath.Join(root, "data", "werkbank", "werkbank.db")
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := newBody(t, s)
	d, err := s.ArchiveText(ctx, "notulen.txt", "Notulen van de OR", model.DocumentMeta{BodyID: b.ID})
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, filepath.Dir(db), 0o700)
	wantMode(t, filepath.Dir(filepath.Dir(db)), 0o700)
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		wantMode(t, p, 0o600)
	}

	backups := filepath.Join(root, "data", "werkbank", "backups", "werkbank-1234")
	bk, err := s.BackupNow(ctx, backups)
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, backups, 0o700)
	wantMode(t, filepath.Dir(backups), 0o700)
	wantMode(t, bk, 0o600)

	ScryptWorkFactor = 10
	for _, name := range []string{"coach.db", "coach.db.age"} {
		out := filepath.Join(root, name)
		opt := CoachOptions{}
		if filepath.Ext(name) == ".age" {
			opt.Passphrase = []byte("paard batterij")
		}
		if _, err := s.CoachCopy(ctx, out, opt); err != nil {
			t.Fatal(err)
		}
		wantMode(t, out, 0o600)
	}

	logPath := filepath.Join(root, "state", "werkbank", "werkbank.log")
	_, closeLog, err := OpenLog(logPath)
	if err != nil {
		t.Fatal(err)
	}
	closeLog()
	wantMode(t, logPath, 0o600)
	wantMode(t, filepath.Dir(logPath), 0o700)
	wantMode(t, filepath.Dir(filepath.Dir(logPath)), 0o700)

	exp := filepath.Join(root, "acties.csv")
	if err := export.WriteFile(exp, func(w io.Writer) error { _, err := io.WriteString(w, "a;b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	wantMode(t, exp, 0o600)
	saved, err := s.SaveOriginal(ctx, d.ID, root)
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, saved, 0o600)

	tmp, err := s.OriginalTempFile(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantMode(t, tmp, 0o600)
	wantMode(t, filepath.Dir(tmp), 0o700)
	wantMode(t, filepath.Dir(filepath.Dir(tmp)), 0o700)
}

// tempEntries lists what is left in the private TMPDIR a test set.
func tempEntries(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if p != dir {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func TestTemporaryFilesRemoved(t *testing.T) {
	ctx := context.Background()
	tmpdir := t.TempDir()
	t.Setenv("TMPDIR", tmpdir)
	root := t.TempDir()
	s, err := Open(filepath.Join(root, "werkbank.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := newBody(t, s)
	d, err := s.ArchiveText(ctx, "notulen.txt", "Notulen van de OR", model.DocumentMeta{BodyID: b.ID})
	if err != nil {
		t.Fatal(err)
	}

	// An original opened in a viewer: gone when the store closes (werkbank exits).
	if _, err := s.OriginalTempFile(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if len(tempEntries(t, tmpdir)) == 0 {
		t.Fatal("the original was not written to TMPDIR")
	}
	// An original that cannot be written (no such document) leaves nothing new.
	if _, err := s.OriginalTempFile(ctx, 999999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("missing document: %v", err)
	}

	// An export in progress: a failing writer leaves neither the temporary file nor a half export.
	exp := filepath.Join(root, "export.csv")
	if err := export.WriteFile(exp, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("schijf vol")
	}); err == nil {
		t.Fatal("failed export reported as done")
	}
	if left, _ := filepath.Glob(filepath.Join(root, "*export*")); len(left) != 0 {
		t.Errorf("export left %v", left)
	}

	// A decrypted coach copy: gone when the copy is closed, and after a wrong passphrase.
	ScryptWorkFactor = 10
	enc := filepath.Join(root, "coach.db.age")
	if _, err := s.CoachCopy(ctx, enc, CoachOptions{Passphrase: []byte("paard batterij")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if left := tempEntries(t, tmpdir); len(left) != 0 {
		t.Fatalf("left after close: %v", left)
	}
	if _, err := Open(enc, Options{Passphrase: func() ([]byte, error) { return []byte("fout"), nil }}); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong passphrase: %v", err)
	}
	c, err := Open(enc, Options{Passphrase: func() ([]byte, error) { return []byte("paard batterij"), nil }})
	if err != nil {
		t.Fatal(err)
	}
	if len(tempEntries(t, tmpdir)) == 0 {
		t.Fatal("the decrypted copy is not in TMPDIR")
	}
	if _, err := c.Document(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if left := tempEntries(t, tmpdir); len(left) != 0 {
		t.Fatalf("decrypted copy left after close: %v", left)
	}
	// A damaged encrypted copy: refused, nothing left.
	data, _ := os.ReadFile(enc)
	bad := filepath.Join(root, "kapot.db.age")
	os.WriteFile(bad, data[:len(data)-100], 0o600)
	if _, err := Open(bad, Options{Passphrase: func() ([]byte, error) { return []byte("paard batterij"), nil }}); err == nil {
		t.Fatal("damaged copy opened")
	}
	if left := tempEntries(t, tmpdir); len(left) != 0 {
		t.Fatalf("left after a damaged copy: %v", left)
	}
}

// TestMigratedCopyPrivate opens an older coach copy, which is read through a migrated temporary copy:
// that copy is 0600 in a 0700 folder of its own, and gone when the store closes.
func TestMigratedCopyPrivate(t *testing.T) {
	tmpdir := t.TempDir()
	t.Setenv("TMPDIR", tmpdir)
	older := filepath.Join(t.TempDir(), "ouder.db")
	raw, err := sql.Open("sqlite", dsn(older, url.Values{}))
	if err != nil {
		t.Fatal(err)
	}
	n := len(migrations) - 1
	stmts := append(append([]string{}, migrations[:n]...), fmt.Sprintf("PRAGMA user_version = %d", n),
		fmt.Sprintf("PRAGMA application_id = %d", int32(CoachAppID)),
		"INSERT INTO bodies (name, kind, rule_set, created_at) VALUES ('OR Oud', 'or', 'wor', 'x')", "PRAGMA journal_mode = DELETE")
	for _, q := range stmts {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	s, err := Open(older, Options{})
	if err != nil {
		t.Fatal(err)
	}
	copies, _ := filepath.Glob(filepath.Join(tmpdir, "*", "*.db"))
	if len(copies) != 1 {
		t.Fatalf("migrated copies in TMPDIR: %v (all: %v)", copies, tempEntries(t, tmpdir))
	}
	wantMode(t, copies[0], 0o600)
	wantMode(t, filepath.Dir(copies[0]), 0o700)
	s.Close()
	if left := tempEntries(t, tmpdir); len(left) != 0 {
		t.Fatalf("left after close: %v", left)
	}
}
