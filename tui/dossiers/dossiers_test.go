package dossiers

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
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
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

func day(n int) model.Date { return model.DateOf(testNow()).AddDays(n) }

// seed fills a fake with the body, members and a few dossiers dated around 25 November 2025.
func seed(t *testing.T) (*fake.Store, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	st := fake.New()
	if err := st.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	members, _ := st.Members(ctx, 1)
	ids := map[string]int64{}
	add := func(kind termijn.DossierKind, title string, owner, started int, evs ...dossier.Event) {
		d, err := st.CreateDossier(ctx, dossier.Dossier{BodyID: 1, Kind: kind, Title: title, OwnerID: members[owner].ID,
			StartedOn: day(started), Description: "Omschrijving van " + title})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			e.DossierID = d.ID
			if _, err := st.AddDossierEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		ids[title] = d.ID
	}
	add(termijn.Adviesaanvraag, "Reorganisatie facilitaire dienst", 0, -74,
		dossier.Event{Kind: dossier.OVHeld, Date: day(-46)},
		dossier.Event{Kind: dossier.Advice, Date: day(-32), Content: "negatief", Note: "sociaal plan ontbreekt"},
		dossier.Event{Kind: dossier.Decision, Date: day(-25), Content: dossier.DecisionDeviating})
	add(termijn.Instemmingsverzoek, "Nieuw dienstrooster Thuiszorg", 1, -20,
		dossier.Event{Kind: dossier.OVRequest, Date: day(-6)},
		dossier.Event{Kind: dossier.AgreedTerm, Date: day(22), Content: "instemming binnen 6 weken"})
	add(termijn.Instemmingsverzoek, "Roosterwijziging weekenddiensten", 2, -70,
		dossier.Event{Kind: dossier.ExecutionNoticed, Date: day(-33)})
	add(termijn.Informatieverzoek, "Verzuimcijfers per afdeling", 2, -12)
	add(termijn.Adviesaanvraag, "Nieuw declaratiesysteem", 1, -200,
		dossier.Event{Kind: dossier.Advice, Date: day(-160), Content: "positief"},
		dossier.Event{Kind: dossier.Closing, Date: day(-140)})
	return st, ids
}

func newView(t *testing.T, st Store, readOnly bool) *Model {
	t.Helper()
	c := common.Common{Styles: styles.New(), Now: testNow, ReadOnly: readOnly}
	m := New(c, st)
	m.SetSize(100, 24)
	drive(m, m.Init())
	return m
}

// drive runs a command and feeds its messages back, as the runtime would; status messages are dropped.
func drive(m *Model, cmd tea.Cmd) []string {
	var status []string
	cmdtest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if s, ok := msg.(common.StatusMsg); ok {
			status = append(status, s.Text)
			return nil
		}
		_, next := m.Update(msg)
		return next
	})
	return status
}

func press(m *Model, keys ...string) []string {
	var status []string
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
		case "ctrl+s":
			msg = tea.KeyMsg{Type: tea.KeyCtrlS}
		case "ctrl+u":
			msg = tea.KeyMsg{Type: tea.KeyCtrlU}
		default:
			msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
		}
		_, cmd := m.Update(msg)
		status = append(status, drive(m, cmd)...)
	}
	return status
}

func TestListGolden(t *testing.T) {
	st, _ := seed(t)
	m := newView(t, st, false)
	v := m.View()
	golden.Assert(t, "list", v)
	// The most urgent open dossier comes first; the closed one is filtered out.
	if !strings.Contains(strings.Split(v, "\n")[2], "Roosterwijziging") || strings.Contains(v, "declaratiesysteem") {
		t.Errorf("order or filter:\n%s", v)
	}
	press(m, "f")
	if !strings.Contains(m.View(), "Nieuw declaratiesysteem") {
		t.Error("alle does not show the closed dossier")
	}
	press(m, "f")
	if v := m.View(); !strings.Contains(v, "1 dossier") || strings.Contains(v, "Reorganisatie") {
		t.Errorf("gesloten:\n%s", v)
	}
	press(m, "f", "s")
	if v := m.View(); !strings.Contains(v, "soort: adviesaanvraag") || strings.Contains(v, "Roosterwijziging") {
		t.Errorf("kind filter:\n%s", v)
	}
}

func TestDetailGolden(t *testing.T) {
	st, ids := seed(t)
	m := newView(t, st, false)
	drive(m, func() tea.Msg {
		return common.SwitchTabMsg{Tab: common.TabDossiers, ID: ids["Reorganisatie facilitaire dienst"]}
	})
	v := m.View()
	golden.Assert(t, "detail", v)
	for _, want := range []string{"Einde opschorting besluit", "Beroep bij de Ondernemingskamer", "nog 6 dagen",
		"31 okt 2025 + 1 maand = zo 30 nov 2025;", "art 25 lid 6 WOR", "stukken (0)", "besluit meegedeeld (afwijkend)"} {
		if !strings.Contains(v, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	press(m, "esc")
	if !strings.Contains(m.View(), "volgende termijn") {
		t.Error("esc did not go back to the list")
	}
}

func TestEventFormRefusesBadInput(t *testing.T) {
	st, ids := seed(t)
	m := newView(t, st, false)
	id := ids["Reorganisatie facilitaire dienst"]
	drive(m, func() tea.Msg { return common.SwitchTabMsg{Tab: common.TabDossiers, ID: id} })
	before, _ := st.Dossiers(context.Background(), dossier.Filter{})
	// An impossible date stays in the form with the reason at the field.
	press(m, "n")
	for i := 0; i < 5; i++ { // to "besluit schriftelijk meegedeeld"
		press(m, "down")
	}
	press(m, "enter", "ctrl+u")
	press(m, "3", "1", "-", "0", "2", "-", "2", "0", "2", "5", "enter")
	if v := m.View(); !strings.Contains(v, "februari 2025 heeft geen dag 31") {
		t.Fatalf("impossible date accepted:\n%s", v)
	}
	// A decision before the advice is refused by the timeline check, at the date field.
	press(m, "ctrl+u")
	press(m, "2", "0", "2", "5", "-", "1", "0", "-", "2", "0", "ctrl+s")
	v := m.View()
	if !strings.Contains(v, "kan niet vóór het advies") {
		t.Fatalf("decision before advice accepted:\n%s", v)
	}
	golden.Assert(t, "event_form_error", v)
	// An event before the dossier started.
	press(m, "ctrl+u")
	press(m, "2", "0", "2", "5", "-", "0", "1", "-", "0", "1", "ctrl+s")
	if v := m.View(); !strings.Contains(v, "ligt vóór de start van het dossier") {
		t.Fatalf("event before start accepted:\n%s", v)
	}
	press(m, "esc")
	after, _ := st.Dossiers(context.Background(), dossier.Filter{})
	for i := range before {
		if len(before[i].Events) != len(after[i].Events) {
			t.Errorf("something was saved: %+v", after[i].Events)
		}
	}
}

func TestCreateAdviesaanvraagAndDeviatingDecision(t *testing.T) {
	st := fake.New()
	if err := st.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	m := newView(t, st, false)
	press(m, "n", "tab")
	for _, r := range "Reorganisatie FD" {
		press(m, string(r))
	}
	press(m, "tab", "tab", "right", "tab", "ctrl+u")
	press(m, "1", "2", "-", "0", "9", "-", "2", "0", "2", "5")
	status := press(m, "ctrl+s")
	if len(status) == 0 || !strings.Contains(status[0], "aangemaakt") {
		t.Fatalf("create: %v\n%s", status, m.View())
	}
	if v := m.View(); !strings.Contains(v, "Adviesaanvraag · Reorganisatie FD") || !strings.Contains(v, "eigenaar Anneke Smit") {
		t.Fatalf("new dossier not opened:\n%s", v)
	}
	// Advice: negatief on 24 Oct; decision deviating, notified 31 Oct.
	record := func(downs int, date string, rights int) {
		press(m, "n")
		for i := 0; i < downs; i++ {
			press(m, "down")
		}
		press(m, "enter", "ctrl+u")
		for _, r := range date {
			press(m, string(r))
		}
		press(m, "tab")
		for i := 0; i < rights; i++ {
			press(m, "right")
		}
		if s := press(m, "ctrl+s"); len(s) == 0 || s[0] != "Tijdlijn bijgewerkt" {
			t.Fatalf("record %s: %v\n%s", date, s, m.View())
		}
	}
	record(4, "24-10-2025", 1) // advies: positief → negatief
	record(5, "31-10-2025", 0) // besluit: afwijkend after a negative advice
	v := m.View()
	for _, want := range []string{"advies uitgebracht: negatief", "besluit meegedeeld (afwijkend)",
		"1 dec 2025  Einde opschorting besluit", "1 dec 2025  Beroep bij de Ondernemingskamer", "uitvoering op zijn vroegst di"} {
		if !strings.Contains(v, want) {
			t.Errorf("dossier lacks %q:\n%s", want, v)
		}
	}
	ov, _ := st.Termijnen(context.Background(), 1, day(0))
	if len(ov.Items) < 2 || ov.Items[0].Deadline.Rule != termijn.CodeOpschorting || ov.Items[0].Remaining != "6 dagen" {
		t.Errorf("overview: %+v", ov.Items)
	}
}

func TestReadOnlyHidesWriteKeys(t *testing.T) {
	st, _ := seed(t)
	m := newView(t, st, true)
	press(m, "n", "e", "x")
	if m.form != nil {
		t.Fatal("a form opened on a read-only database")
	}
	for _, b := range m.ShortHelp() {
		if b.Enabled() && (b.Help().Key == "n" || b.Help().Key == "x") {
			t.Errorf("write key %s in help", b.Help().Key)
		}
	}
}

func TestDeleteEventToBinAndConflict(t *testing.T) {
	st, ids := seed(t)
	m := newView(t, st, false)
	drive(m, func() tea.Msg {
		return common.SwitchTabMsg{Tab: common.TabDossiers, ID: ids["Nieuw dienstrooster Thuiszorg"]}
	})
	press(m, "down")
	if s := press(m, "x"); len(s) == 0 || !strings.Contains(s[0], "naar de prullenbak") {
		t.Fatalf("delete: %v", s)
	}
	if v := m.View(); strings.Contains(v, "verzoek om overlegvergadering") {
		t.Errorf("event still shown:\n%s", v)
	}
	// Another process corrected the first event meanwhile: saving the old version is a conflict.
	press(m, "e")
	d, _ := st.Dossiers(context.Background(), dossier.Filter{})
	for _, x := range d {
		if x.ID == ids["Nieuw dienstrooster Thuiszorg"] {
			e := x.Events[0]
			e.Note = "elders"
			if _, err := st.UpdateDossierEvent(context.Background(), e); err != nil {
				t.Fatal(err)
			}
		}
	}
	press(m, "ctrl+s")
	if m.form != nil {
		t.Error("form still open after a conflict")
	}
}
