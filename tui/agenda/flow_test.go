package agenda

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// host runs the view as a whole program, as the root would: q quits unless a form has focus.
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

// TestFlowTemplateToSentAgenda: a new meeting from its template, an item added and moved up, the agenda
// exported and marked sent, through the real Bubble Tea runtime.
func TestFlowTemplateToSentAgenda(t *testing.T) {
	ctx := context.Background()
	st := fake.New()
	b, _ := st.CreateBody(ctx, model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR})
	st.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "Anneke Smit", Role: model.RoleVoorzitter})
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.SetSize(100, 30)
	tm := teatest.NewTestModel(t, host{m}, teatest.WithInitialTermSize(100, 30))
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
	wait("Nog geen vergaderingen")
	keys(r("n"))
	wait("Nieuwe vergadering")
	keys(tea.KeyMsg{Type: tea.KeyCtrlS})
	wait("di 9 dec 2025")
	keys(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Rondvraag")
	keys(r("j"), r("j"), r("j"), r("n")) // below the actielijst

	wait("Nieuw agendapunt")
	keys(r("Kantinebeleid"), tea.KeyMsg{Type: tea.KeyCtrlS})
	wait("Kantinebeleid")
	keys(r("K"))
	wait("4   13:55  Kantinebeleid")
	dir := t.TempDir()
	path := filepath.Join(dir, "agenda.docx")
	keys(r("x"))
	wait("Exporteren")
	keys(tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyTab}, tea.KeyMsg{Type: tea.KeyCtrlU}, r(path), tea.KeyMsg{Type: tea.KeyEnter})
	time.Sleep(100 * time.Millisecond)
	keys(r("s"))
	wait("verzonden")
	keys(r("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(host).m
	if got := st.Exports(); len(got) != 1 || got[0] != "docx "+path {
		t.Fatalf("exports %v", got)
	}
	if final.meeting.AgendaSent.String() != "2025-11-25" {
		t.Fatalf("not sent: %+v", final.meeting)
	}
	var got []string
	for _, it := range final.items {
		got = append(got, it.Title)
	}
	if !strings.Contains(strings.Join(got, "|"), "Ingekomen stukken en mededelingen|Kantinebeleid|Actielijst") {
		t.Fatalf("order %v", got)
	}
}
