package tui

import (
	"context"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

// backupStore is what the daily backup needs of the database.
type backupStore interface {
	// DailyBackup makes today's backup in dir unless it exists; made says whether one was written.
	DailyBackup(ctx context.Context, dir string) (path string, made bool, err error)
}

// backupState remembers the day of the last backup run, so the first key after midnight starts the
// next day's backup in a TUI left open overnight.
type backupState struct {
	dir string // empty: no daily backups (tests, or no backup folder)
	day model.Date
}

// backupDue starts the day's backup in the background when this day has none yet from this process.
// Called from Init and after every key; it costs one date comparison when nothing is due.
func (m *Model) backupDue() tea.Cmd {
	if m.backup.dir == "" || m.c.ReadOnly {
		return nil
	}
	today := m.c.Today()
	if today.Equal(m.backup.day) {
		return nil
	}
	m.backup.day = today
	return dailyBackup(m.st, m.backup.dir)
}

// dailyBackup runs the backup and says in the status line what happened: a new backup, or a visible
// warning when it failed. A failing backup never stops werkbank.
func dailyBackup(st backupStore, dir string) tea.Cmd {
	return func() tea.Msg {
		path, made, err := st.DailyBackup(context.Background(), dir)
		switch {
		case err != nil && made:
			return common.StatusMsg{Text: "Back-up gemaakt (" + filepath.Base(path) + "), maar: " + common.ErrorText(err), Err: true}
		case err != nil:
			return common.StatusMsg{Text: "Let op: " + common.ErrorText(err), Err: true}
		case made:
			return common.StatusMsg{Text: "Back-up gemaakt: " + filepath.Base(path)}
		}
		return nil
	}
}

// WaitingMsg is what the program is sent when a write waits for another werkbank process (see the
// store's OnBusy): the status line says "even wachten" until the write got through.
func WaitingMsg(waiting bool) tea.Msg {
	if waiting {
		return common.StatusMsg{Text: "even wachten: een ander werkbank-proces schrijft; opslaan gaat zo verder", Err: true}
	}
	return common.StatusMsg{Text: "klaar met wachten"}
}
