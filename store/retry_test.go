package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// holdWriteLock takes the write lock from another connection, as a long import in another process
// would, and returns a function that releases it.
func holdWriteLock(t *testing.T, path string) func() {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release := func() {
		once.Do(func() {
			db.Exec("ROLLBACK")
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

type busyLog struct {
	mu     sync.Mutex
	events []bool
}

func (l *busyLog) hook(waiting bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, waiting)
}

func (l *busyLog) get() []bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]bool(nil), l.events...)
}

// shortBusyTimeout makes the write connection give up waiting after ms, so the tests do not wait the
// real ten seconds.
func shortBusyTimeout(t *testing.T, s *Store, ms int) {
	t.Helper()
	if _, err := s.w.Exec("PRAGMA busy_timeout = " + strconv.Itoa(ms)); err != nil {
		t.Fatal(err)
	}
}

// TestBusyWriteRetriesAndSaysSo: a write that finds the database busy beyond the timeout waits, says
// "waiting" through the hook, and goes through once the other process is done.
func TestBusyWriteRetriesAndSaysSo(t *testing.T) {
	s, path := newStore(t)
	b := newBody(t, s)
	shortBusyTimeout(t, s, 100)
	var log busyLog
	s.OnBusy(log.hook)
	release := holdWriteLock(t, path)
	go func() {
		time.Sleep(300 * time.Millisecond)
		release()
	}()
	if _, err := s.CreateMember(context.Background(), model.Member{BodyID: b.ID, Name: "Geduldig", Role: model.RoleLid}); err != nil {
		t.Fatalf("write after waiting: %v", err)
	}
	if got := log.get(); len(got) != 2 || !got[0] || got[1] {
		t.Fatalf("hook calls %v, want [true false]", got)
	}
	// A write that does not wait calls nothing.
	if _, err := s.CreateMember(context.Background(), model.Member{BodyID: b.ID, Name: "Vlot", Role: model.RoleLid}); err != nil {
		t.Fatal(err)
	}
	if got := log.get(); len(got) != 2 {
		t.Fatalf("hook calls %v", got)
	}
}

// TestBusyGivesUpInDutch: after the retries the error is model.ErrBusy, in Dutch, and the English
// "database is locked" is nowhere in it.
func TestBusyGivesUpInDutch(t *testing.T) {
	s, path := newStore(t)
	b := newBody(t, s)
	shortBusyTimeout(t, s, 20)
	old := busyPause
	busyPause = 10 * time.Millisecond
	defer func() { busyPause = old }()
	var log busyLog
	s.OnBusy(log.hook)
	holdWriteLock(t, path)
	_, err := s.CreateMember(context.Background(), model.Member{BodyID: b.ID, Name: "Te laat", Role: model.RoleLid})
	if !errors.Is(err, model.ErrBusy) || strings.Contains(err.Error(), "locked") {
		t.Fatalf("err %v", err)
	}
	if got := log.get(); len(got) != 2 || !got[0] || got[1] {
		t.Fatalf("hook calls %v", got)
	}
}

// TestDriverErrorsReadDutch: busy and full map to the Dutch sentinel text alone, and still match the
// driver's error.
func TestDriverErrorsReadDutch(t *testing.T) {
	err := mapErr(codedErr{5, "database is locked"})
	if err.Error() != model.ErrBusy.Error() || !errors.Is(err, model.ErrBusy) {
		t.Fatalf("%v", err)
	}
	var c codedErr
	if !errors.As(err, &c) || c.code != 5 {
		t.Fatal("driver error lost")
	}
	if err := mapErr(codedErr{13, "database or disk is full"}); err.Error() != model.ErrDiskFull.Error() {
		t.Fatalf("%v", err)
	}
}

type codedErr struct {
	code int
	msg  string
}

func (e codedErr) Error() string { return e.msg }
func (e codedErr) Code() int     { return e.code }

// TestMapErrConstraints: a constraint SQLite enforces, should a write get that far, reaches the user as a
// Dutch sentence; the cause stays inside for the log.
func TestMapErrConstraints(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	_, err := s.w.ExecContext(ctx, "INSERT INTO bodies SELECT * FROM bodies WHERE id = ?", b.ID)
	if err = mapErr(err); !errors.Is(err, model.ErrExists) || strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("duplicate key: %v", err)
	}
	_, err = s.w.ExecContext(ctx, "INSERT INTO members (body_id, name, role) VALUES (9999, 'Wees', 'lid')")
	if err = mapErr(err); !errors.Is(err, model.ErrOrphan) || strings.Contains(err.Error(), "FOREIGN") {
		t.Fatalf("missing parent: %v", err)
	}
}
