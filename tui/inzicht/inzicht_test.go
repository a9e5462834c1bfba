package inzicht

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

func d(s string) model.Date { return model.MustDate(s) }

// fakeStore computes the figures from a fixed set of rows with the model, as the real store does
// after its queries; exports are recorded, nothing is written.
type fakeStore struct {
	mu       sync.Mutex
	bodies   []model.Body
	in       inzicht.Input
	exported []string
}

func (f *fakeStore) Bodies(context.Context) ([]model.Body, error) { return f.bodies, nil }

func (f *fakeStore) Inzicht(_ context.Context, bodyID int64, p inzicht.Period, today model.Date) (inzicht.Figures, error) {
	in := f.in
	if bodyID != 0 {
		in.Bodies = nil
		for _, b := range f.bodies {
			if b.ID == bodyID {
				in.Bodies = append(in.Bodies, b)
			}
		}
	} else {
		in.Bodies = f.bodies
	}
	return inzicht.Compute(in, p, bodyID, today), nil
}

func (f *fakeStore) ExportJaarverslag(_ context.Context, bodyID int64, year int, format, path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.exported = append(f.exported, format+" "+path)
	return nil
}

func council() *fakeStore {
	meeting := func(id int64, kind model.MeetingKind, date, sent string, art24 bool) inzicht.Meeting {
		m := inzicht.Meeting{Meeting: model.Meeting{ID: id, BodyID: 1, Kind: kind, Date: d(date), Status: model.MeetingHeld, Art24: art24}}
		if sent != "" {
			m.AgendaSent = d(sent)
		}
		if m.Date.After(d("2025-11-25")) {
			m.Status = model.MeetingConcept
		}
		m.AgendaDue = m.Date.AddDays(-7)
		return m
	}
	return &fakeStore{
		bodies: []model.Body{{ID: 1, Name: "OR Zorggroep Rivierenland", Kind: model.KindOR, RuleSet: model.RulesWOR, Active: true},
			{ID: 2, Name: "OC Thuiszorg", Kind: model.KindOnderdeel, RuleSet: model.RulesWOR}},
		in: inzicht.Input{
			Meetings: []inzicht.Meeting{
				meeting(1, model.MeetingOR, "2025-01-14", "2025-01-06", false),
				meeting(2, model.MeetingOV, "2025-02-11", "2025-02-07", true),
				meeting(3, model.MeetingOR, "2025-03-11", "2025-03-03", false),
				meeting(4, model.MeetingOR, "2025-05-13", "2025-05-09", false),
				meeting(5, model.MeetingOV, "2025-10-14", "2025-10-06", false),
				meeting(6, model.MeetingOR, "2025-12-02", "", false),
			},
			Actions: []model.Action{
				{ID: 41, Owner: "Piet", Description: "Roosterevaluatie opvragen bij HR", Created: d("2025-03-11"), Due: d("2025-04-01"), Status: model.ActionOpen, Postponed: 3},
				{ID: 42, Owner: "AS", Description: "Notulen uitwerken", Created: d("2025-01-14"), Status: model.ActionDone, Closed: d("2025-01-28")},
				{ID: 43, Owner: "Sanne", Description: "Geheime reorganisatie", Created: d("2025-05-13"), Due: d("2025-06-01"), Status: model.ActionDone, Closed: d("2025-07-01"), Postponed: 1, ImpositionID: 9},
			},
			Dossiers: []dossier.Dossier{{ID: 1, Kind: termijn.Adviesaanvraag, Title: "Reorganisatie", StartedOn: d("2025-02-03"),
				Events: []dossier.Event{{Kind: dossier.Received, Date: d("2025-02-03")}, {Kind: dossier.Advice, Date: d("2025-03-17"), Content: "negatief"},
					{Kind: dossier.Decision, Date: d("2025-04-01"), Content: "afwijkend"}}}},
			Letters: []inzicht.Letter{
				{ID: 1, Template: "adviesbrief-negatief", TemplateName: "Adviesbrief (negatief)", Status: "verzonden", SentOn: d("2025-03-17")},
				{ID: 2, Template: "ontvangstbevestiging-adviesaanvraag", TemplateName: "Ontvangstbevestiging adviesaanvraag", Status: "verzonden", SentOn: d("2025-02-04")},
			},
			Impositions: []model.Imposition{{ID: 9, ImposedBy: "bestuurder", Subject: "Geheime reorganisatie", From: d("2025-05-13")}},
			Members: []inzicht.Member{
				{Member: model.Member{ID: 1, BodyID: 1, Name: "Anneke Smit"}, BodyKind: model.KindOR, TrainingDays: 5},
				{Member: model.Member{ID: 2, BodyID: 1, Name: "Jeroen Brouwer", Commission: true}, BodyKind: model.KindOR, TrainingDays: 2.5},
			},
		},
	}
}

func newView(t *testing.T, st *fakeStore, w, h int) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow, ReadOnly: true}, st)
	m.SetSize(w, h)
	m = run(m, m.Init())
	return m
}

// run feeds a command's message back into the view, as the root would.
func run(m *Model, cmd tea.Cmd) *Model {
	for cmd != nil {
		msg := cmd()
		if _, ok := msg.(loadedMsg); !ok {
			if _, ok := msg.(exportedMsg); !ok {
				return m
			}
		}
		m, cmd = m.Update(msg)
	}
	return m
}

func press(m *Model, keys ...string) *Model {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "left", "right", "esc", "enter", "down", "up", "pgdown":
			msg = tea.KeyMsg{Type: map[string]tea.KeyType{"left": tea.KeyLeft, "right": tea.KeyRight, "esc": tea.KeyEsc,
				"enter": tea.KeyEnter, "down": tea.KeyDown, "up": tea.KeyUp, "pgdown": tea.KeyPgDown}[k]}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = run(m, cmd)
	}
	return m
}

func TestGoldenYear(t *testing.T) {
	golden.Assert(t, "inzicht_year", newView(t, council(), 100, 30).View())
	golden.Assert(t, "inzicht_year_80x24", newView(t, council(), 80, 24).View())
}

func TestGoldenScrolledAndQuarter(t *testing.T) {
	m := press(newView(t, council(), 100, 30), "pgdown")
	golden.Assert(t, "inzicht_year_page2", m.View())
	m = press(newView(t, council(), 100, 30), "v")
	if m.Figures().Label != "K1 2025" {
		t.Fatalf("v shows %q, want K1 2025", m.Figures().Label)
	}
	golden.Assert(t, "inzicht_q1", m.View())
}

func TestYearSwitchAndAllBodies(t *testing.T) {
	m := newView(t, council(), 100, 30)
	m = press(m, "left")
	if m.Figures().Period != inzicht.Year(2024) || !strings.Contains(m.View(), "Inzicht 2024") {
		t.Errorf("← shows %v", m.Figures().Period)
	}
	m = press(m, "right", "right")
	if m.Figures().Period != inzicht.Year(2026) {
		t.Errorf("→→ shows %v", m.Figures().Period)
	}
	m = press(m, "left", "a")
	if m.Figures().BodyID != 0 || len(m.Figures().Bodies) != 2 || !strings.Contains(m.View(), "alle organen") {
		t.Errorf("a: body %d, bodies %v", m.Figures().BodyID, m.Figures().Bodies)
	}
	m = press(m, "v", "v", "v", "v", "v")
	if m.Figures().Period != inzicht.Year(2025) {
		t.Errorf("five times v is back at the year, got %v", m.Figures().Period)
	}
}

func TestBarsReadWithoutColour(t *testing.T) {
	screen := golden.Strip(newView(t, council(), 100, 30).View())
	for _, want := range []string{"op tijd verstuurd", "█ 3", "te laat verstuurd", "1 van 2 gehouden ✗ nog 1"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	all := strings.Join(Report(newView(t, council(), 100, 30).Figures(), styles.Styles{}, 100), "\n")
	if strings.Contains(all, "Geheime reorganisatie") || !strings.Contains(all, "[V] vertrouwelijk") {
		t.Errorf("a confidential action's text shows:\n%s", all)
	}
}

func TestExportPrompt(t *testing.T) {
	st := council()
	m := press(newView(t, st, 100, 30), "x")
	if !m.Capturing() || !strings.Contains(m.View(), "jaarverslag-2025.docx") {
		t.Fatalf("x opens no prompt:\n%s", m.View())
	}
	m = press(m, "enter")
	if m.Capturing() || len(st.exported) != 1 || st.exported[0] != "docx jaarverslag-2025.docx" {
		t.Errorf("exported %v", st.exported)
	}
	m = press(m, "x", "esc")
	if m.Capturing() || len(st.exported) != 1 {
		t.Error("esc did not cancel the export")
	}
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEsc})
	if _, ok := cmd().(common.CloseMsg); !ok {
		t.Error("esc does not close Inzicht")
	}
}
