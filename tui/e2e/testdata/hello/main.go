// Command hello is a tiny Bubble Tea program the e2e harness tests itself
// against: alt screen, a counter, the window size, Dutch diacritics and a
// rounded border.
package main

import (
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

type model struct {
	count         int
	keyMsgs       int // how many KeyMsgs arrived: the harness sends one key per read
	width, height int
	exitCode      int
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		m.keyMsgs++
		if msg.Type == tea.KeyCtrlC {
			return m, tea.Quit
		}
		// Keys typed together arrive as one message with several runes.
		for _, r := range msg.Runes {
			switch r {
			case 'j':
				m.count++
			case 'k':
				m.count--
			case 'q':
				return m, tea.Quit
			case 'x':
				m.exitCode = 3
				return m, tea.Quit
			}
		}
	}
	return m, nil
}

func (m model) View() string {
	box := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1).
		Render("één ideeën")
	return fmt.Sprintf("Hallo wereld\nTeller: %d\nGrootte: %dx%d\n%s\nToetsberichten: %d\n", m.count, m.width, m.height, box, m.keyMsgs)
}

func main() {
	final, err := tea.NewProgram(model{}, tea.WithAltScreen()).Run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "hello: bye")
	os.Exit(final.(model).exitCode)
}
