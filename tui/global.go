package tui

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/tui/bin"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/settings"
)

// globalKey handles the keys that work everywhere while no text input has focus: help, quit, suspend,
// tabs, settings, the prullenbak and switching the body.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
		return nil, true
	case m.showHelp && msg.String() == "esc":
		m.showHelp = false
		return nil, true
	case key.Matches(msg, k.Quit):
		if m.unsaved() {
			m.confirmQuit = true
			m.status, m.statusErr = "Er zijn niet-opgeslagen wijzigingen. Toch stoppen? j/n", false
			return nil, true
		}
		return tea.Quit, true
	case key.Matches(msg, k.Suspend):
		return tea.Suspend, true
	}
	if m.overlay != nil {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Next):
		return m.switchTo((m.active + 1) % len(m.tabs)), true
	case key.Matches(msg, k.Prev):
		return m.switchTo((m.active + len(m.tabs) - 1) % len(m.tabs)), true
	case key.Matches(msg, k.Settings):
		return m.open(wrap(settings.New(m.c, m.st))), true
	case key.Matches(msg, k.Bin):
		return m.open(wrap(bin.New(m.c, m.st))), true
	case key.Matches(msg, k.Body):
		return m.nextBody(), true
	}
	for i, b := range k.Tabs {
		if key.Matches(msg, b) {
			return m.switchTo(i), true
		}
	}
	return nil, false
}

func (m *Model) switchTo(i int) tea.Cmd {
	m.active, m.showHelp = i, false
	return m.start(i)
}

func (m *Model) open(s screen) tea.Cmd {
	m.overlay, m.showHelp = s, false
	m.resize()
	return s.Init()
}

// nextBody makes the next body active; with one body it says how to add another.
func (m *Model) nextBody() tea.Cmd {
	if len(m.bodies) < 2 {
		return common.Status("Er is één orgaan; voeg er een toe in Instellingen (,)")
	}
	next := m.bodies[0]
	for i, b := range m.bodies {
		if b.Active {
			next = m.bodies[(i+1)%len(m.bodies)]
		}
	}
	st := m.st
	return func() tea.Msg {
		if err := st.SetActiveBody(context.Background(), next.ID); err != nil {
			return common.StatusMsg{Text: common.ErrorText(err), Err: true}
		}
		return common.BodyChangedMsg{Body: next}
	}
}
