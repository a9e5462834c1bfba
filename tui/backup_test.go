package tui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
)

// backupFake answers DailyBackup as the real store would, and counts the calls.
type backupFake struct {
	*fake.Store
	mu    sync.Mutex
	calls []string
	made  bool
	err   error
	now   func() time.Time
}

func (b *backupFake) DailyBackup(_ context.Context, dir string) (string, bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.calls = append(b.calls, dir)
	return filepath.Join(dir, "werkbank-1a2b3c4d-"+b.now().Format("2006-01-02")+".db"), b.made, b.err
}

func (b *backupFake) count() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.calls)
}

// backupApp starts the app with a clock the test moves.
func backupApp(t *testing.T, st *backupFake, opt Options, clock *time.Time) *Model {
	t.Helper()
	st.now = func() time.Time { return *clock }
	opt.Now = st.now
	m := New(st, opt)
	drive(m, m.Init())
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m
}

// TestDailyBackupAtStartAndAfterMidnight: the backup runs at start, not again the same day, and at
// the first key after midnight; the status line says so.
func TestDailyBackupAtStartAndAfterMidnight(t *testing.T) {
	clock := time.Date(2025, 11, 25, 23, 58, 0, 0, time.UTC)
	st := &backupFake{Store: demoStore(t), made: true}
	m := backupApp(t, st, Options{BackupDir: "/back-ups"}, &clock)
	if st.count() != 1 || st.calls[0] != "/back-ups" {
		t.Fatalf("calls at start: %v", st.calls)
	}
	if v := m.View(); !strings.Contains(v, "✓ Back-up gemaakt: werkbank-1a2b3c4d-2025-11-25.db") {
		t.Fatalf("no status after the backup:\n%s", v)
	}
	press(m, "2")
	press(m, "1")
	if st.count() != 1 {
		t.Fatalf("backup ran again the same day: %d", st.count())
	}
	clock = clock.Add(3 * time.Minute)
	press(m, "2")
	if st.count() != 2 {
		t.Fatalf("no backup at the first key after midnight: %d", st.count())
	}
	if v := m.View(); !strings.Contains(v, "Back-up gemaakt: werkbank-1a2b3c4d-2025-11-26.db") || !strings.Contains(v, "[2 Agenda]") {
		t.Fatalf("after midnight:\n%s", v)
	}
}

// TestDailyBackupFailureIsAWarning: a failing backup shows a warning and werkbank goes on.
func TestDailyBackupFailureIsAWarning(t *testing.T) {
	clock := time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)
	st := &backupFake{Store: demoStore(t), err: errors.New("back-up mislukt: de schijf is vol: er is niets opgeslagen")}
	m := backupApp(t, st, Options{BackupDir: "/vol"}, &clock)
	if v := m.View(); !strings.Contains(v, "✗ Let op: back-up mislukt: de schijf is vol") {
		t.Fatalf("no warning:\n%s", v)
	}
	press(m, "4")
	if v := m.View(); !strings.Contains(v, "[4 Archief]") || strings.Contains(v, "back-up mislukt") {
		t.Fatalf("after a key:\n%s", v)
	}
	// Today's backup that already exists is not announced again.
	st2 := &backupFake{Store: demoStore(t)}
	m = backupApp(t, st2, Options{BackupDir: "/b"}, &clock)
	if st2.count() != 1 || strings.Contains(m.View(), "Back-up") {
		t.Fatalf("existing backup: %d\n%s", st2.count(), m.View())
	}
}

func TestNoDailyBackupReadOnlyOrWithoutFolder(t *testing.T) {
	clock := time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)
	for _, opt := range []Options{{ReadOnly: true, BackupDir: "/b"}, {}} {
		st := &backupFake{Store: demoStore(t), made: true}
		m := backupApp(t, st, opt, &clock)
		clock = clock.Add(24 * time.Hour)
		press(m, "2")
		if st.count() != 0 {
			t.Fatalf("%+v: %d backups", opt, st.count())
		}
	}
}

func TestWaitingShowsInStatusLine(t *testing.T) {
	m := newApp(t, demoStore(t), Options{})
	m.Update(WaitingMsg(true))
	if v := m.View(); !strings.Contains(v, "✗ even wachten: een ander werkbank-proces schrijft") || strings.Contains(v, "locked") {
		t.Fatalf("%s", v)
	}
	m.Update(WaitingMsg(false))
	if v := m.View(); !strings.Contains(v, "✓ klaar met wachten") {
		t.Fatalf("%s", v)
	}
}
