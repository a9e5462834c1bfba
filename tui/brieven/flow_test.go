package brieven

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// host runs the view as a whole program, as the root would: q quits unless text has focus.
type host struct{ m *Model }

func (h host) Init() tea.Cmd { return h.m.Init() }

func (h host) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "q" && !h.m.Capturing() {
		return h, tea.Quit
	}
	if _, ok := msg.(common.StatusMsg); ok {
		return h, nil
	}
	_, cmd := h.m.Update(msg)
	return h, cmd
}

func (h host) View() string { return h.m.View() }

// TestFlowDraftEditVersions drafts an adviesbrief through the pickers, edits it in the textarea, saves a
// second version and compares the two, through the real Bubble Tea runtime.
func TestFlowDraftEditVersions(t *testing.T) {
	st := newFake()
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.SetSize(100, 24)
	tm := teatest.NewTestModel(t, host{m}, teatest.WithInitialTermSize(100, 24))
	wait := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	keys := func(ks ...tea.KeyMsg) {
		for _, k := range ks {
			tm.Send(k)
			time.Sleep(20 * time.Millisecond)
		}
	}
	r := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	wait("Nog geen brieven")
	keys(r("n"))
	wait("kies een sjabloon")
	keys(r("j"), r("j"), tea.KeyMsg{Type: tea.KeyEnter})
	wait("kies het dossier")
	keys(tea.KeyMsg{Type: tea.KeyEnter})
	wait("concept · versie 1")
	keys(r("e"))
	wait("ctrl+s opslaan als nieuwe versie")
	keys(tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyDown})
	keys(r("Na rijp beraad. "), tea.KeyMsg{Type: tea.KeyCtrlS})
	wait("concept · versie 2")
	keys(r("v"))
	wait("huidige")
	keys(r("c"))
	wait("Versie 1 → 2")
	keys(tea.KeyMsg{Type: tea.KeyEsc}, tea.KeyMsg{Type: tea.KeyEsc}, r("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host).m
	if len(final.versions) != 2 || !strings.Contains(final.latest().Source, "Na rijp beraad.") {
		t.Fatalf("versions %d, latest %.200q", len(final.versions), final.latest().Source)
	}
	if !strings.HasPrefix(final.latest().Source, "Betreft: advies ex artikel 25") {
		t.Error("the Betreft line moved")
	}
}
