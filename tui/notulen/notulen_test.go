package notulen

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
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

type fixture struct {
	st            *fake.Store
	jan, feb, mar model.Meeting
}

// council holds worked example 8: the action from the meeting of 14-01-2025, due 28-01-2025, is on the
// actielijst of the meeting of 11-02-2025, 14 days late.
func council(t *testing.T) fixture {
	t.Helper()
	ctx := context.Background()
	st := fake.New()
	b, _ := st.CreateBody(ctx, model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR})
	for _, n := range []string{"Anneke Smit", "Piet de Vries", "Sanne Jansen"} {
		st.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid})
	}
	st.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Ingrid Bakker"})
	mk := func(day string) model.Meeting {
		m, err := st.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate(day), Start: 810, End: 960})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	f := fixture{st: st, jan: mk("2025-01-14"), feb: mk("2025-02-11"), mar: mk("2025-03-11")}
	for _, it := range []model.AgendaItem{
		{Title: "Evaluatie thuiswerkregeling", Minutes: 30, Purpose: model.PurposeBespreking},
		{Title: "Roosterbeleid verpleging", Minutes: 30, Purpose: model.PurposeBesluitvorming},
	} {
		it.MeetingID = f.feb.ID
		if _, err := st.AddAgendaItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.CreateAction(ctx, model.Action{BodyID: b.ID, Description: "Roosterevaluatie opvragen bij HR", Owner: "Piet de Vries",
		MeetingID: f.jan.ID, Due: model.MustDate("2025-01-28"), Created: f.jan.Date}); err != nil {
		t.Fatal(err)
	}
	return f
}

func newView(t *testing.T, f fixture, id int64) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow}, f.st, id)
	m.SetSize(100, 24)
	drive(m, m.Init())
	return m
}

// drive runs a command and feeds its messages back; it returns the status texts and whether the view
// asked to be closed.
func drive(m *Model, cmd tea.Cmd) (status []string, closed bool) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		switch msg := msg.(type) {
		case common.StatusMsg:
			status = append(status, msg.Text)
		case common.CloseMsg:
			closed = true
		default:
			_, next := m.Update(msg)
			return next
		}
		return nil
	})
	return status, closed
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// goTo puts the cursor on the item with title.
func goTo(t *testing.T, m *Model, title string) {
	t.Helper()
	for i, it := range m.items {
		if it.Title == title {
			m.cur.Index = i
			m.cur.Clamp(len(m.items), m.itemRows())
			return
		}
	}
	t.Fatalf("no item %q", title)
}

func press(m *Model, keys ...string) (status []string, closed bool) {
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		s, c := drive(m, cmd)
		status, closed = append(status, s...), closed || c
	}
	return status, closed
}

func TestActielijstAsOfMeeting(t *testing.T) {
	f := council(t)
	m := newView(t, f, f.feb.ID)
	goTo(t, m, "Actielijst")
	v := m.View()
	golden.Assert(t, "actielijst_item", v)
	if !strings.Contains(v, "actielijst per di 11 feb 2025: 1 open, 1 te laat") || !strings.Contains(v, "te laat (14 dagen)") {
		t.Fatalf("actielijst:\n%s", v)
	}
}

// TestMinutesOnAnItem takes notes, records a decision and an action in two keystrokes, and marks the
// item treated.
func TestMinutesOnAnItem(t *testing.T) {
	f := council(t)
	m := newView(t, f, f.feb.ID)
	goTo(t, m, "Evaluatie thuiswerkregeling")
	press(m, "enter")
	if !m.Capturing() {
		t.Fatal("notes editor does not capture keys")
	}
	press(m, "De OR bespreekt de evaluatie.", "enter", "Piet vraagt naar de kosten.", "ctrl+s")
	status, _ := press(m, "b", "De OR vraagt de achterban om een reactie.", "enter")
	if len(status) == 0 || status[0] != "Besluit 2025-001 vastgelegd" {
		t.Fatalf("decision: %v", status)
	}
	press(m, "a", "Reactie achterban verzamelen", "enter")
	golden.Assert(t, "quick_action_owner", m.View())
	press(m, "3") // Sanne Jansen
	golden.Assert(t, "quick_action_due", m.View())
	status, _ = press(m, "2") // over 2 weken
	if len(status) == 0 || !strings.Contains(status[0], "voor Sanne Jansen, uiterlijk di 25 feb 2025") {
		t.Fatalf("action: %v", status)
	}
	press(m, "t")
	v := m.View()
	golden.Assert(t, "minutes_item", v)
	for _, want := range []string{"Piet vraagt naar de kosten.", "besluit 2025-001", "Reactie achterban verzamelen (Sanne Jansen, di 25 feb)", "behandeld"} {
		if !strings.Contains(v, want) {
			t.Errorf("item lacks %q", want)
		}
	}
	it, _ := m.selected()
	if it.Notes != "De OR bespreekt de evaluatie.\nPiet vraagt naar de kosten." || it.Outcome != model.OutcomeTreated {
		t.Fatalf("item %+v", it)
	}
}

func TestBadInputInMinutes(t *testing.T) {
	f := council(t)
	m := newView(t, f, f.feb.ID)
	goTo(t, m, "Evaluatie thuiswerkregeling")
	press(m, "a", "enter")
	if m.quick != stepDescription || m.quick == stepNone {
		t.Fatal("empty description went on to the owner")
	}
	press(m, "esc", "b", "enter")
	if !strings.Contains(m.View(), "tekst van het besluit is verplicht") {
		t.Fatalf("empty decision:\n%s", m.View())
	}
	press(m, "esc")
	// A cancelled meeting takes no decision.
	mt := f.feb
	mt.Status = model.MeetingCancelled
	f.st.UpdateMeeting(context.Background(), mt)
	drive(m, m.reload())
	press(m, "b")
	if m.form != nil {
		t.Fatal("decision form on a cancelled meeting")
	}
	if d, _ := f.st.Decisions(context.Background(), mt.BodyID, model.DecisionFilter{}); len(d) != 0 {
		t.Fatalf("decisions %+v", d)
	}
}

func TestAttendanceVerslagAndApproval(t *testing.T) {
	f := council(t)
	m := newView(t, f, f.feb.ID)
	press(m, "w", "enter", "j", "enter", "enter")
	golden.Assert(t, "attendance", m.View())
	att, _ := f.st.Attendance(context.Background(), f.feb.ID)
	if att[0].Presence != model.PresencePresent || att[1].Presence != model.PresenceAbsent || att[2].Presence != model.PresenceUnknown {
		t.Fatalf("attendance %+v", att)
	}
	press(m, "A", "esc")
	if !strings.Contains(m.View(), "aanwezig 2 · afwezig 1 · niet vastgelegd 0") {
		t.Fatalf("header:\n%s", m.View())
	}
	path := t.TempDir() + "/verslag.docx"
	status, _ := press(m, "v", "tab", "ctrl+u", path, "enter")
	if len(status) == 0 || status[0] != "verslag.docx geschreven" || f.st.Written()[0] != "verslag docx "+path {
		t.Fatalf("verslag: %v %v", status, f.st.Written())
	}
	if !strings.Contains(m.View(), "verslag: concept") {
		t.Fatal("not concept")
	}
	press(m, "s", "ctrl+s")
	if !strings.Contains(m.View(), "verslag: vastgesteld op 11 maart 2025") {
		t.Fatalf("approval:\n%s", m.View())
	}
	if _, closed := press(m, "esc"); !closed {
		t.Fatal("esc did not close minutes mode")
	}
}
