package acties

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/cmdtest"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/notulen"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

// council is a fake OR with members, two held meetings and actions around 25 Nov 2025: two late (one
// postponed twice), one due this week, one without a date, one done; and three decisions over two years.
func council(t *testing.T) (*fake.Store, model.Meeting) {
	t.Helper()
	ctx := context.Background()
	st := fake.New()
	b, _ := st.CreateBody(ctx, model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR})
	for _, n := range []string{"Anneke Smit", "Piet de Vries", "Sanne Jansen"} {
		st.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid})
	}
	st.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Ingrid Bakker"})
	oct, _ := st.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-10-14"), Start: 810, End: 960})
	nov, _ := st.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-11-04"), Start: 810, End: 960})
	item, _ := st.AddAgendaItem(ctx, model.AgendaItem{MeetingID: nov.ID, Title: "Evaluatie thuiswerkregeling", Minutes: 30, Purpose: model.PurposeBespreking})
	mk := func(a model.Action) model.Action {
		t.Helper()
		a.BodyID = b.ID
		got, err := st.CreateAction(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	rooster := mk(model.Action{Description: "Roosterevaluatie opvragen bij HR", Owner: "Piet de Vries", Due: model.MustDate("2025-10-30"), MeetingID: oct.ID})
	rooster, _ = st.PostponeAction(ctx, rooster, 7)
	st.PostponeAction(ctx, rooster, 7)
	mk(model.Action{Description: "Notulen OV 10 okt uitwerken", Owner: "AS", Due: model.MustDate("2025-11-20"), Status: model.ActionBusy})
	mk(model.Action{Description: "Reactie achterban thuiswerken verzamelen", Owner: "Sanne Jansen", Due: model.MustDate("2025-11-28"),
		MeetingID: nov.ID, AgendaItemID: item.ID})
	mk(model.Action{Description: "Fietsregeling uitzoeken", Owner: "Anneke Smit"})
	mk(model.Action{Description: "Kantinebeleid navragen", Owner: "Ingrid Bakker", Due: model.MustDate("2025-11-01"), Status: model.ActionDone,
		Closed: model.MustDate("2025-10-31")})
	st.CreateDecision(ctx, model.Decision{BodyID: b.ID, Date: model.MustDate("2024-12-10"), Text: "De OR stelt het jaarplan 2025 vast."})
	st.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: oct.ID, Text: "De OR stemt in met de roosterregeling."})
	st.CreateDecision(ctx, model.Decision{BodyID: b.ID, MeetingID: nov.ID, AgendaItemID: item.ID, Text: "De OR vraagt de achterban om een reactie op de thuiswerkregeling."})
	return st, nov
}

func newView(t *testing.T, st *fake.Store, readOnly bool) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow, ReadOnly: readOnly}, st)
	m.SetSize(100, 24)
	drive(m, m.Init())
	return m
}

// drive runs a command and feeds its messages back, as the runtime would; timers are not waited for.
// It returns the status texts and any message meant for the root (notulen.OpenMsg).
func drive(m *Model, cmd tea.Cmd) (status []string, root []tea.Msg) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.StatusMsg:
			status = append(status, msg.Text)
		case notulen.OpenMsg:
			root = append(root, msg)
		default:
			_, next := m.Update(msg)
			return next
		}
		return nil
	})
	return status, root
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys one by one, each followed by the commands it caused; it returns the status texts.
func press(m *Model, keys ...string) []string {
	var all []string
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		s, _ := drive(m, cmd)
		all = append(all, s...)
	}
	return all
}

func TestActionListGolden(t *testing.T) {
	st, _ := council(t)
	m := newView(t, st, false)
	golden.Assert(t, "actions_open", m.View())
	v := m.View()
	for _, want := range []string{"✗ A-", "te laat (12 dagen)", "2x", "te laat (5 dagen)", "4 acties · 2 te laat", "13 nov"} {
		if !strings.Contains(v, want) {
			t.Errorf("open list lacks %q", want)
		}
	}
	if strings.Contains(v, "Kantinebeleid") {
		t.Error("a closed action in the open list")
	}
	press(m, "v")
	golden.Assert(t, "actions_all", m.View())
	press(m, "v")
	golden.Assert(t, "actions_late", m.View())
	if v := m.View(); strings.Contains(v, "Reactie achterban") || !strings.Contains(v, "2 acties · 2 te laat") {
		t.Fatalf("late filter:\n%s", v)
	}
}

func TestActionFilterForm(t *testing.T) {
	st, nov := council(t)
	m := newView(t, st, false)
	press(m, "F")
	golden.Assert(t, "actions_filter_form", m.View())
	press(m, "right", "right", "right", "tab") // owner: Sanne Jansen
	press(m, "right")                          // the first meeting offered
	for m.form.View() != "" && !strings.Contains(m.form.View(), "di 4 nov 2025") {
		press(m, "right")
	}
	press(m, "ctrl+s")
	v := m.View()
	if m.filter.Owner != "Sanne Jansen" || m.filter.MeetingID != nov.ID || !strings.Contains(v, "eigenaar: Sanne Jansen") ||
		!strings.Contains(v, "1 actie ·") {
		t.Fatalf("filter %+v\n%s", m.filter, v)
	}
	golden.Assert(t, "actions_filtered", v)
	press(m, "esc")
	if (m.filter != model.ActionFilter{}) {
		t.Fatal("esc kept the filter")
	}
}

func TestQuickKeysAndUndo(t *testing.T) {
	st, _ := council(t)
	m := newView(t, st, false)
	status := press(m, "p")
	if len(status) == 0 || !strings.Contains(status[0], "uitgesteld tot do 20 nov 2025 (3x uitgesteld)") {
		t.Fatalf("postpone: %v", status)
	}
	if a, _ := m.selected(); a.Description != "Roosterevaluatie opvragen bij HR" || a.Postponed != 3 {
		t.Fatalf("cursor after postpone on %+v", a)
	}
	press(m, "x")
	if strings.Contains(m.View(), "Roosterevaluatie") {
		t.Fatal("done action still in the open list")
	}
	status = press(m, "z")
	if len(status) == 0 || !strings.HasPrefix(status[0], "Ongedaan:") || !strings.Contains(m.View(), "Roosterevaluatie") {
		t.Fatalf("undo: %v\n%s", status, m.View())
	}
	press(m, "j", "w")
	list, _ := st.Actions(context.Background(), m.body.ID, model.ActionFilter{}, model.MustDate("2025-11-25"))
	busy := 0
	for _, a := range list {
		if a.Status == model.ActionBusy {
			busy++
		}
	}
	if busy != 1 { // the second row was bezig already; w keeps it
		t.Fatalf("busy %d", busy)
	}
	press(m, "D")
	if strings.Contains(m.View(), "Notulen OV 10 okt") {
		t.Fatal("deleted action still shown")
	}
	press(m, "z")
	if !strings.Contains(m.View(), "Notulen OV 10 okt") {
		t.Fatal("undo did not bring the deleted action back")
	}
}

func TestEditAndNewAction(t *testing.T) {
	st, nov := council(t)
	m := newView(t, st, false)
	press(m, "e")
	golden.Assert(t, "actions_edit_form", m.View())
	press(m, "ctrl+u", "enter")
	if !strings.Contains(m.View(), "omschrijving is verplicht") {
		t.Fatalf("empty description accepted:\n%s", m.View())
	}
	press(m, "esc", "n")
	press(m, "Rooster delen met de achterban", "tab", "tab", "ctrl+u", "2025-12-09", "ctrl+s")
	if v := m.View(); !strings.Contains(v, "Rooster delen met de achterban") || !strings.Contains(v, "9 dec") {
		t.Fatalf("new action:\n%s", v)
	}
	// A due date before the meeting the action came from is refused at the field, nothing saved.
	for i, a := range m.acts.Rows {
		if strings.HasPrefix(a.Description, "Reactie achterban") {
			m.acts.cur.Index = m.acts.Offset + i
		}
	}
	press(m, "e", "tab", "tab", "ctrl+u", "2025-11-01", "ctrl+s")
	if v := m.View(); !strings.Contains(v, "ligt voor de vergadering van di 4 nov 2025") {
		t.Fatalf("due before the meeting:\n%s", v)
	}
	if a, _ := st.Actions(context.Background(), m.body.ID, model.ActionFilter{MeetingID: nov.ID}, model.MustDate("2025-11-25")); a[0].Due.String() != "2025-11-28" {
		t.Fatalf("saved half: %+v", a[0])
	}
}

func TestDecisionsGolden(t *testing.T) {
	st, nov := council(t)
	m := newView(t, st, false)
	press(m, "B")
	golden.Assert(t, "decisions_2025", m.View())
	if v := m.View(); !strings.Contains(v, "2025-001") || !strings.Contains(v, "2025-002") || strings.Contains(v, "2024-001") {
		t.Fatalf("2025:\n%s", v)
	}
	press(m, "left") // newest first: ← goes to 2024
	if v := m.View(); !strings.Contains(v, "2024-001") || !strings.Contains(v, "‹ 2024 ›") {
		t.Fatalf("2024:\n%s", v)
	}
	press(m, "right", "right") // 2025, then every year
	if v := m.View(); !strings.Contains(v, "alle jaren") || !strings.Contains(v, "3 besluiten") {
		t.Fatalf("all years:\n%s", v)
	}
	press(m, "/", "t", "h", "u", "i", "s", "w")
	if !m.Capturing() {
		t.Fatal("search does not capture keys")
	}
	press(m, "enter")
	v := m.View()
	if !strings.Contains(v, "1 besluit") || !strings.Contains(v, "thuiswerkregeling") || !strings.Contains(v, "acties: ") && false {
		t.Fatalf("search:\n%s", v)
	}
	golden.Assert(t, "decisions_search", v)
	_, cmd := m.Update(keyMsg("N"))
	_, root := drive(m, cmd)
	if len(root) != 1 || root[0].(notulen.OpenMsg).MeetingID != nov.ID {
		t.Fatalf("N: %v", root)
	}
	press(m, "esc", "esc")
	if m.mode != modeActions {
		t.Fatal("esc did not go back to the actions")
	}
}

func TestReadOnly(t *testing.T) {
	st, _ := council(t)
	m := newView(t, st, true)
	press(m, "x", "p", "n", "D", "z")
	if m.form != nil {
		t.Fatal("a form opened read-only")
	}
	list, _ := st.Actions(context.Background(), m.body.ID, model.ActionFilter{OpenOnly: true}, model.MustDate("2025-11-25"))
	if len(list) != 4 || list[0].Postponed != 2 {
		t.Fatalf("changed read-only: %+v", list[0])
	}
	for _, b := range m.ShortHelp() {
		if b.Enabled() && b.Help().Key == "x" {
			t.Fatal("write key in help read-only")
		}
	}
}

// TestConfidentialMarked: an action under an art 20 imposition carries [V] in the list.
func TestConfidentialMarked(t *testing.T) {
	st, _ := council(t)
	ctx := context.Background()
	imp, _ := st.CreateImposition(ctx, model.Imposition{BodyID: 1, ImposedBy: "Ingrid Bakker", Subject: "fusie"})
	if _, err := st.CreateAction(ctx, model.Action{BodyID: 1, Description: "Fusiestukken doornemen", Owner: "AS",
		Due: model.MustDate("2025-12-01"), ImpositionID: imp.ID}); err != nil {
		t.Fatal(err)
	}
	m := newView(t, st, false)
	if v := m.View(); !strings.Contains(v, "[V] Fusiestukken doornemen") {
		t.Fatalf("confidential action not marked:\n%s", v)
	}
}
