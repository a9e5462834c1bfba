package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// sessionProc is a helper process holding the database open (see session in helper_test.go).
type sessionProc struct {
	t      *testing.T
	in     io.WriteCloser
	out    *bufio.Scanner
	stderr *bytes.Buffer
	wait   func() error
}

func startSession(t *testing.T, path string) *sessionProc {
	t.Helper()
	cmd := helperCommand(t, "session", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &sessionProc{t: t, in: in, out: bufio.NewScanner(out), stderr: &stderr, wait: cmd.Wait}
	t.Cleanup(func() { in.Close(); cmd.Process.Kill(); cmd.Wait() })
	if got := p.read(); got != "ready" {
		t.Fatalf("session: %q %s", got, stderr.String())
	}
	return p
}

func (p *sessionProc) read() string {
	p.t.Helper()
	if !p.out.Scan() {
		p.t.Fatalf("session ended: %s", p.stderr.String())
	}
	return p.out.Text()
}

func (p *sessionProc) ask(line string) string {
	p.t.Helper()
	fmt.Fprintln(p.in, line)
	return p.read()
}

// TestRestoreWhileOpenElsewhere restores a backup while another process has the database open: the
// current database is saved aside first, the other process sees the restored data at its next read
// (and that it changed), and can go on writing; the result checks clean.
func TestRestoreWhileOpenElsewhere(t *testing.T) {
	now := time.Date(2025, 11, 25, 14, 30, 0, 0, time.Local)
	path := filepath.Join(t.TempDir(), "werkbank.db")
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b := newBody(t, s)
	for _, n := range []string{"Anna", "Bram", "Cor"} {
		s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid})
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := s.BackupTo(ctx, backup); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Dirk", "Eva"} {
		s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid})
	}

	other := startSession(t, path)
	if got := other.ask("count"); !strings.HasPrefix(got, "count 5 ") {
		t.Fatalf("before: %s", got)
	}
	aside, err := s.RestoreFrom(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(path), "werkbank-voor-herstel-2025-11-25-143000.db"); aside != want {
		t.Errorf("aside %s, want %s", aside, want)
	}
	if got := other.ask("count"); got != "count 3 true <nil>" {
		t.Fatalf("other process after restore: %s", got)
	}
	if got := other.ask("write Fleur"); got != "write <nil>" {
		t.Fatalf("other process writes: %s", got)
	}
	if ms, _ := s.Members(ctx, b.ID); len(ms) != 4 {
		t.Fatalf("%d members after restore and one write", len(ms))
	}
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("%v %+v", err, rep)
	}
	// What was there before the restore is kept, complete.
	old, err := Open(aside, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if ms, _ := old.Members(ctx, b.ID); len(ms) != 5 {
		t.Fatalf("saved aside: %d members", len(ms))
	}
	fmt.Fprintln(other.in, "quit")
	if err := other.wait(); err != nil {
		t.Fatalf("other process: %v %s", err, other.stderr.String())
	}
}

func TestRestoreRefuses(t *testing.T) {
	s, path := newStore(t)
	ctx := context.Background()
	newBody(t, s)
	dir := t.TempDir()
	text := filepath.Join(dir, "notitie.txt")
	os.WriteFile(text, []byte("geen database"), 0o600)
	damaged := filepath.Join(dir, "beschadigd.db")
	src := filledStore(t)
	data, _ := os.ReadFile(src)
	os.WriteFile(damaged, data, 0o600)
	damage(t, damaged, "members")
	cases := map[string]struct {
		path string
		want string
	}{
		"missing":    {filepath.Join(dir, "weg.db"), "bestaat niet"},
		"not sqlite": {text, "geen SQLite-database"},
		"itself":     {path, "de database zelf"},
		"damaged":    {damaged, "beschadigd"},
	}
	for name, c := range cases {
		_, err := s.RestoreFrom(ctx, c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Nothing was saved aside, nothing changed.
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*voor-herstel*")); len(m) != 0 {
		t.Errorf("aside files %v", m)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.RestoreFrom(ctx, src); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
}
