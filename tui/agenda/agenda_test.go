package agenda

import (
	"context"
	"errors"
	"os"
	"path/filepath"
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

// council is a fake store with an OR, members, a bestuurder, meetings around 25 Nov 2025 and a
// parkeerlijst.
func council(t *testing.T) *fake.Store {
	t.Helper()
	ctx := context.Background()
	st := fake.New()
	b, _ := st.CreateBody(ctx, model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR})
	st.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "Anneke Smit", Role: model.RoleVoorzitter, Email: "anneke@example.nl"})
	st.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "Jeroen Brouwer", Role: model.RoleLid})
	st.SaveBestuurder(ctx, model.Bestuurder{BodyID: b.ID, Name: "Ingrid Bakker"})
	mk := func(kind model.MeetingKind, date string, start, end model.Clock, art24 bool) model.Meeting {
		m, err := st.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: kind, Date: model.MustDate(date), Start: start, End: end,
			Location: "Vergaderzaal 2", Chair: "Anneke Smit", Art24: art24})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	or := mk(model.MeetingOR, "2025-12-02", 13*60+30, 16*60, false)
	mk(model.MeetingOV, "2025-12-11", 10*60, 12*60, true)
	mk(model.MeetingOR, "2025-11-27", 13*60+30, 16*60, false)
	old := mk(model.MeetingOR, "2025-11-11", 13*60+30, 16*60, false)
	st.MarkAgendaSent(ctx, old, model.MustDate("2025-11-05"))
	imp, _ := st.CreateImposition(ctx, model.Imposition{BodyID: b.ID, ImposedBy: "Ingrid Bakker"})
	for _, it := range []model.AgendaItem{
		{Title: "Adviesaanvraag reorganisatie facilitair", Purpose: model.PurposeAdvies, Presenter: "Sanne", Minutes: 45, ImpositionID: imp.ID},
		{Title: "Evaluatie thuiswerkregeling", Purpose: model.PurposeBespreking, Presenter: "Mark", Minutes: 60, RaisedBy: "Piet",
			RaisedOn: model.MustDate("2025-10-03")},
	} {
		it.MeetingID = or.ID
		if _, err := st.AddAgendaItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	for _, tp := range []model.BacklogTopic{
		{Title: "Kantinebeleid", RaisedBy: "Lid A", RaisedOn: model.MustDate("2025-10-03"), Minutes: 20},
		{Title: "Fietsregeling", RaisedBy: "Jeroen Brouwer", RaisedOn: model.MustDate("2025-10-20"), Minutes: 15},
		{Title: "Werkdruk ICT", RaisedBy: "Anneke Smit", RaisedOn: model.MustDate("2025-11-04"), Minutes: 30},
	} {
		tp.BodyID = b.ID
		st.CreateBacklogTopic(ctx, tp)
	}
	return st
}

func newView(t *testing.T, st *fake.Store, readOnly bool) *Model {
	t.Helper()
	m := New(common.Common{Styles: styles.New(), Now: testNow, ReadOnly: readOnly}, st)
	m.SetSize(100, 30)
	drive(m, m.Init())
	return m
}

// drive runs a command and feeds its messages back, as the runtime would; timers are not waited for.
func drive(m *Model, cmd tea.Cmd) {
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(common.StatusMsg); ok {
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
}

// press sends keys one by one, each followed by the commands it caused.
func press(m *Model, keys ...string) {
	for _, k := range keys {
		var msg tea.KeyMsg
		switch k {
		case "enter":
			msg = tea.KeyMsg{Type: tea.KeyEnter}
		case "esc":
			msg = tea.KeyMsg{Type: tea.KeyEsc}
		case "tab":
			msg = tea.KeyMsg{Type: tea.KeyTab}
		case "down":
			msg = tea.KeyMsg{Type: tea.KeyDown}
		case "up":
			msg = tea.KeyMsg{Type: tea.KeyUp}
		case "right":
			msg = tea.KeyMsg{Type: tea.KeyRight}
		case "backspace":
			msg = tea.KeyMsg{Type: tea.KeyBackspace}
		case "shift+up":
			msg = tea.KeyMsg{Type: tea.KeyShiftUp}
		case "shift+down":
			msg = tea.KeyMsg{Type: tea.KeyShiftDown}
		case "ctrl+s":
			msg = tea.KeyMsg{Type: tea.KeyCtrlS}
		case "ctrl+u":
			msg = tea.KeyMsg{Type: tea.KeyCtrlU}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := m.Update(msg)
		drive(m, cmd)
	}
}

// typeText types into the focused input in one message, as a paste would.
func typeText(m *Model, s string) {
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)})
	drive(m, cmd)
}

func titles(m *Model) string {
	var out []string
	for _, it := range m.items {
		out = append(out, it.Title)
	}
	return strings.Join(out, "|")
}

func TestGoldenMeetingList(t *testing.T) {
	m := newView(t, council(t), false)
	golden.Assert(t, "meeting_list", m.View())
	v := m.View()
	for _, want := range []string{"do 27 nov 2025", "✗", "te laat: uiterlijk", "vandaag versturen", "verzonden", "Art 24", "parkeerlijst (3)"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q", want)
		}
	}
}

func TestGoldenEditorWithOverrun(t *testing.T) {
	m := newView(t, council(t), false)
	press(m, "enter") // the first upcoming meeting: OR 27 Nov, whose agenda is late
	press(m, "esc", "down", "enter")
	if m.meeting.Date.String() != "2025-12-02" {
		t.Fatalf("opened %s", m.meeting.Date)
	}
	golden.Assert(t, "editor_overrun", m.View())
	v := m.View()
	if !strings.Contains(v, "✗ 5 min over de geplande eindtijd (16:00)") || !strings.Contains(v, "[V]") {
		t.Fatalf("no overrun warning or [V] mark:\n%s", v)
	}
}

func TestGoldenBacklog(t *testing.T) {
	m := newView(t, council(t), false)
	press(m, "b")
	golden.Assert(t, "backlog", m.View())
}

func TestEditorMoveRenumbersAndRetimes(t *testing.T) {
	m := newView(t, council(t), false)
	press(m, "down", "enter")
	before := titles(m)
	press(m, "down", "J") // Verslag one down
	if m.items[2].Title != "Verslag vorige vergadering" || m.items[2].Position != 3 || m.edCur.Index != 2 {
		t.Fatalf("after J: %s", titles(m))
	}
	press(m, "K", "shift+up") // and back up twice: now first
	if m.items[0].Title != "Verslag vorige vergadering" || m.edCur.Index != 0 {
		t.Fatalf("after K: %s", titles(m))
	}
	press(m, "shift+down")
	if titles(m) != before {
		t.Fatalf("not back: %s", titles(m))
	}
	plan := model.Plan(m.meeting, m.items)
	if !strings.Contains(m.View(), plan.Starts[1].String()+"  Verslag") {
		t.Fatal("start times do not follow the order")
	}
	// A failed save puts the stored order back and says why.
	stFail := m.st.(*fake.Store)
	stFail.FailNext(errors.New("schijf vol"))
	press(m, "J")
	if titles(m) != before {
		t.Fatalf("failed move left a different order: %s", titles(m))
	}
}

func TestAddItemValidatesAndSaves(t *testing.T) {
	st := council(t)
	m := newView(t, st, false)
	press(m, "down", "enter", "n")
	if m.form == nil || !m.Capturing() {
		t.Fatal("no form")
	}
	typeText(m, "Fietsplan")
	press(m, "tab", "tab", "tab", "backspace", "backspace", "0", "ctrl+s")
	if m.form == nil || !strings.Contains(m.View(), "duur moet meer dan 0 minuten zijn") {
		t.Fatalf("zero minutes accepted:\n%s", m.View())
	}
	press(m, "backspace", "-", "5", "ctrl+s")
	if !strings.Contains(m.View(), "meer dan 0 minuten") {
		t.Fatal("negative minutes accepted")
	}
	press(m, "backspace", "backspace", "2", "0", "ctrl+s")
	if m.form != nil {
		t.Fatalf("form still open:\n%s", m.View())
	}
	if !strings.Contains(titles(m), "Fietsplan") || m.items[m.edCur.Index].Title != "Fietsplan" {
		t.Fatalf("new item not on the agenda under the cursor: %s at %d", titles(m), m.edCur.Index)
	}
}

func TestMeetingFormRefusesBadInput(t *testing.T) {
	st := council(t)
	m := newView(t, st, false)
	n := m.list.Total
	press(m, "n", "tab")
	press(m, "ctrl+u")
	typeText(m, "2026-02-30")
	press(m, "ctrl+s")
	if !strings.Contains(m.View(), "heeft geen dag 30") {
		t.Fatalf("30 February accepted:\n%s", m.View())
	}
	press(m, "ctrl+u")
	typeText(m, "2026-02-10")
	press(m, "tab", "tab") // to the end time
	press(m, "ctrl+u")
	typeText(m, "12:00")
	press(m, "ctrl+s")
	if !strings.Contains(m.View(), "de eindtijd ligt niet na de begintijd") {
		t.Fatalf("end before start accepted:\n%s", m.View())
	}
	if m.list.Total != n {
		t.Fatal("a bad meeting was saved")
	}
	press(m, "ctrl+u")
	typeText(m, "16:30")
	press(m, "ctrl+s")
	if m.list.Total != n+1 || m.form != nil {
		t.Fatalf("meeting not saved: %d rows", m.list.Total)
	}
}

func TestExportSentAndUrgent(t *testing.T) {
	st := council(t)
	m := newView(t, st, false)
	dir := t.TempDir()
	press(m, "down", "x")
	if m.form == nil {
		t.Fatal("no export form")
	}
	press(m, "right", "tab", "right", "tab") // PDF, openbaar, to the path
	press(m, "ctrl+u")
	typeText(m, filepath.Join(dir, "geen-map", "agenda.pdf"))
	press(m, "enter")
	if m.form == nil || !strings.Contains(m.View(), "bestaat niet") {
		t.Fatalf("missing folder not reported at the field:\n%s", m.View())
	}
	press(m, "ctrl+u")
	typeText(m, filepath.Join(dir, "agenda.docx"))
	press(m, "enter")
	if got := st.Exports(); len(got) != 1 || got[0] != "pdf "+filepath.Join(dir, "agenda.pdf")+" openbaar" {
		t.Fatalf("exports %v", got)
	}
	press(m, "s")
	if r := m.list.Rows[1]; r.AgendaSent.String() != "2025-11-25" || r.Status != model.MeetingAgendaSent {
		t.Fatalf("not marked sent: %+v", r.Meeting)
	}
	press(m, "up", "s") // the OR of 27 Nov goes out late
	if r := m.list.Rows[0]; !r.Term.Late || r.Term.State != model.AgendaSentLate {
		t.Fatalf("late sending not flagged: %+v", r.Term)
	}
	press(m, "u")
	if r := m.list.Rows[0]; r.Term.Late || !r.Urgent {
		t.Fatalf("urgent still late: %+v", r.Term)
	}
}

func TestBacklogToAgendaAndBack(t *testing.T) {
	st := council(t)
	m := newView(t, st, false)
	press(m, "down", "enter", "b", "enter")
	if len(m.backlog) != 2 || m.mode != modeBacklog {
		t.Fatalf("topic not scheduled: %d left", len(m.backlog))
	}
	press(m, "esc")
	if !strings.Contains(titles(m), "Kantinebeleid") {
		t.Fatalf("not on this agenda: %s", titles(m))
	}
	for m.items[m.edCur.Index].Title != "Kantinebeleid" {
		press(m, "down")
	}
	press(m, "p")
	if strings.Contains(titles(m), "Kantinebeleid") || len(m.backlog) != 3 {
		t.Fatalf("not back on the parkeerlijst: %s", titles(m))
	}
	press(m, "up", "v")
	if m.items[m.edCur.Index].ImpositionID == 0 {
		t.Fatal("v did not mark confidential")
	}
}

func TestTemplatesEditAndNewMeetingUsesThem(t *testing.T) {
	st := council(t)
	m := newView(t, st, false)
	press(m, "t", "right", "right") // DB-overleg
	if m.tplKindNow() != model.MeetingDB {
		t.Fatalf("kind %s", m.tplKindNow())
	}
	press(m, "n")
	typeText(m, "Planning")
	press(m, "ctrl+s")
	if !m.tplCustom || m.tpl[len(m.tpl)-3].Title != "Planning" {
		t.Fatalf("template line not added before the rondvraag: %+v", m.tpl)
	}
	press(m, "R")
	if m.tplCustom {
		t.Fatal("reset kept the custom template")
	}
}

func TestReadOnlyDisablesWrites(t *testing.T) {
	m := newView(t, council(t), true)
	press(m, "n", "s", "D")
	if m.form != nil || m.list.Rows[0].AgendaSent.String() != "" {
		t.Fatal("a write key worked read-only")
	}
	press(m, "enter")
	if m.mode != modeEditor {
		t.Fatal("cannot read an agenda read-only")
	}
	for _, k := range m.ShortHelp() {
		if k.Enabled() && k.Help().Key == "n" {
			t.Fatal("help offers n read-only")
		}
	}
}

// TestItemLinksToDossier: an agenda item can be linked to a dossier in its form, and unlinked again.
func TestItemLinksToDossier(t *testing.T) {
	st := council(t)
	reorg := st.AddDossier(1, "Reorganisatie facilitaire dienst")
	m := newView(t, st, false)
	press(m, "down", "enter", "n")
	typeText(m, "Adviesaanvraag reorganisatie")
	press(m, "tab", "tab", "tab", "tab", "tab", "tab", "right", "ctrl+s")
	if m.form != nil {
		t.Fatalf("form still open:\n%s", m.View())
	}
	it := m.items[m.edCur.Index]
	if it.Title != "Adviesaanvraag reorganisatie" || it.DossierID != reorg.ID {
		t.Fatalf("item %q linked to dossier %d, want %d", it.Title, it.DossierID, reorg.ID)
	}
	press(m, "e", "tab", "tab", "tab", "tab", "tab", "tab", "left", "ctrl+s")
	if it := m.items[m.edCur.Index]; it.DossierID != 0 {
		t.Fatalf("dossier link not removed: %d", it.DossierID)
	}
}
