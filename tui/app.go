package tui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/acties"
	"github.com/werkbank-nl/werkbank/tui/agenda"
	"github.com/werkbank-nl/werkbank/tui/archief"
	"github.com/werkbank-nl/werkbank/tui/bin"
	"github.com/werkbank-nl/werkbank/tui/brieven"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/dossiers"
	"github.com/werkbank-nl/werkbank/tui/inzicht"
	"github.com/werkbank-nl/werkbank/tui/notulen"
	"github.com/werkbank-nl/werkbank/tui/overzicht"
	"github.com/werkbank-nl/werkbank/tui/settings"
	"github.com/werkbank-nl/werkbank/tui/styles"
	"github.com/werkbank-nl/werkbank/tui/welcome"
)

// Store is what the root and its overlays need of the database.
type Store interface {
	Changed(ctx context.Context) (bool, error)
	IsEmpty(ctx context.Context) (bool, error)
	Bodies(ctx context.Context) ([]model.Body, error)
	SetActiveBody(ctx context.Context, id int64) error
	welcome.Store
	settings.Store
	overzicht.Store
	dossiers.Store
	bin.Store
	backupStore
	agenda.Store
	acties.Store
	notulen.Store
	archief.Store
	inzicht.Store
	brieven.Store
}

// Options configure the app.
type Options struct {
	Now      func() time.Time
	ReadOnly bool
	// Banner is shown under the tabs, for example for a coach copy; read-only gets a default one.
	Banner string
	// BackupDir is where the daily backup goes (see backup.go); empty means none.
	BackupDir string
}

// Model is the root: it draws the chrome and routes messages, nothing more.
type Model struct {
	c       common.Common
	st      Store
	keys    KeyMap
	help    help.Model
	tabs    []screen
	started []bool // a tab loads when it first shows, so start-up reads what Overzicht needs only
	active  int
	overlay screen
	banner  string

	width, height int
	bodies        []model.Body
	status        string
	statusErr     bool
	statusSeq     int
	showHelp      bool
	confirmQuit   bool
	backup        backupState
}

type bodiesMsg struct {
	bodies []model.Body
	empty  bool
	err    error
}

type clearStatusMsg struct{ seq int }

// New builds the app around a store.
func New(st Store, opt Options) *Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	c := common.Common{Styles: styles.New(), Now: opt.Now, ReadOnly: opt.ReadOnly}
	m := &Model{c: c, st: st, keys: DefaultKeyMap(), help: help.New(), banner: opt.Banner}
	if m.banner == "" && opt.ReadOnly {
		m.banner = "ALLEEN LEZEN  Geopend met --read-only — wijzigen is uitgeschakeld"
	}
	m.tabs = newTabs(c, st)
	m.started = make([]bool, len(m.tabs))
	m.backup.dir = opt.BackupDir
	return m
}

// Init loads the bodies and every view.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(loadBodies(m.st), m.backupDue(), m.start(m.active))
}

// start runs a tab's Init the first time the tab shows. Until then it gets no messages either: it reads
// everything fresh when it starts.
func (m *Model) start(i int) tea.Cmd {
	if m.started[i] {
		return nil
	}
	m.started[i] = true
	return m.tabs[i].Init()
}

func loadBodies(st Store) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		empty, err := st.IsEmpty(ctx)
		if err != nil {
			return bodiesMsg{err: err}
		}
		bodies, err := st.Bodies(ctx)
		return bodiesMsg{bodies: bodies, empty: empty, err: err}
	}
}

// Update routes: size first, then keys (global unless a view captures them), the rest to every view.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.KeyMsg:
		next, cmd := m.key(msg)
		return next, tea.Batch(cmd, m.backupDue())
	case bodiesMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.bodies = msg.bodies
		if msg.empty && m.overlay == nil {
			return m, m.open(wrap(welcome.New(m.c, m.st)))
		}
		return m, nil
	case common.StatusMsg:
		m.status, m.statusErr = msg.Text, msg.Err
		m.statusSeq++
		if msg.Err {
			return m, nil
		}
		seq := m.statusSeq
		return m, tea.Tick(4*time.Second, func(time.Time) tea.Msg { return clearStatusMsg{seq} })
	case clearStatusMsg:
		if msg.seq == m.statusSeq && !m.statusErr {
			m.status = ""
		}
		return m, nil
	case notulen.OpenMsg:
		return m, m.open(wrap(notulen.New(m.c, m.st, msg.MeetingID)))
	case common.OpenMsg:
		if msg.Screen == common.ScreenInzicht {
			return m, m.open(wrap(inzicht.New(m.c, m.st)))
		}
		return m, nil
	case common.CloseMsg:
		m.overlay = nil
		return m, tea.Batch(loadBodies(m.st), m.broadcast(common.ReloadMsg{}))
	case common.SwitchTabMsg:
		var start tea.Cmd
		if msg.Tab >= 0 && msg.Tab < len(m.tabs) && m.overlay == nil {
			start = m.switchTo(msg.Tab)
		}
		return m, tea.Batch(start, m.broadcast(msg))
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, tea.Batch(loadBodies(m.st), m.broadcast(msg))
	}
	return m, m.broadcast(msg)
}

// broadcast hands a message to every view and the overlay: async results reach the view that owns
// them whichever tab shows.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, 0, len(m.tabs)+1)
	for i, t := range m.tabs {
		if !m.started[i] {
			continue
		}
		var cmd tea.Cmd
		m.tabs[i], cmd = t.update(msg)
		cmds = append(cmds, cmd)
	}
	if m.overlay != nil {
		var cmd tea.Cmd
		m.overlay, cmd = m.overlay.update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

func (m *Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	capturing := m.current().Capturing()
	// Bubble Tea v1 delivers keys typed together (fast typing, paste) as one message with several runes;
	// outside a text input each rune is its own command.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !capturing && !msg.Paste {
		var cmds []tea.Cmd
		for _, r := range msg.Runes {
			_, cmd := m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	}
	if m.statusErr {
		m.status, m.statusErr = "", false
	}
	reload := m.checkChanged()
	if key.Matches(msg, m.keys.ForceQuit) {
		return m, tea.Quit
	}
	if m.confirmQuit {
		m.confirmQuit = false
		if s := msg.String(); s == "j" || s == "y" {
			return m, tea.Quit
		}
		m.status = ""
		return m, reload
	}
	if m.tooSmall() {
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m, reload
	}
	if !capturing {
		if cmd, ok := m.globalKey(msg); ok {
			return m, tea.Batch(reload, cmd)
		}
	}
	var cmd tea.Cmd
	if m.overlay != nil {
		m.overlay, cmd = m.overlay.update(msg)
	} else {
		m.tabs[m.active], cmd = m.tabs[m.active].update(msg)
	}
	return m, tea.Batch(reload, cmd)
}

// checkChanged asks the database, cheaply, whether another process wrote since the last key.
func (m *Model) checkChanged() tea.Cmd {
	changed, err := m.st.Changed(context.Background())
	if err != nil || !changed {
		return nil
	}
	return common.Reload
}

func (m *Model) current() screen {
	if m.overlay != nil {
		return m.overlay
	}
	return m.tabs[m.active]
}

func (m *Model) unsaved() bool {
	for _, t := range m.tabs {
		if t.Unsaved() {
			return true
		}
	}
	return m.overlay != nil && m.overlay.Unsaved()
}
