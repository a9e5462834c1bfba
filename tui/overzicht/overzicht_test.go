package overzicht

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/golden"
	"github.com/werkbank-nl/werkbank/tui/internal/fake"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var testNow = func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }

func day(n int) model.Date { return model.DateOf(testNow()).AddDays(n) }

// seed makes a fake with a reorganisation whose suspension and appeal end on 1 December, a roster
// whose nullity term expired yesterday, an OV asked for with reasons and two meetings.
func seed(t *testing.T) (*fake.Store, int64) {
	t.Helper()
	ctx := context.Background()
	st := fake.New()
	if err := st.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	reorg, err := st.CreateDossier(ctx, dossier.Dossier{BodyID: 1, Kind: termijn.Adviesaanvraag,
		Title: "Reorganisatie facilitaire dienst", StartedOn: day(-74)})
	if err != nil {
		t.Fatal(err)
	}
	roster, _ := st.CreateDossier(ctx, dossier.Dossier{BodyID: 1, Kind: termijn.Instemmingsverzoek,
		Title: "Roosterwijziging weekenddiensten", StartedOn: day(-70)})
	for _, e := range []dossier.Event{
		{DossierID: reorg.ID, Kind: dossier.Advice, Date: day(-32), Content: "negatief"},
		{DossierID: reorg.ID, Kind: dossier.Decision, Date: day(-25), Content: dossier.DecisionDeviating},
		{DossierID: roster.ID, Kind: dossier.ExecutionNoticed, Date: day(-33)},
	} {
		if _, err := st.AddDossierEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []model.Meeting{
		{BodyID: 1, Kind: model.MeetingOR, Date: day(7), Start: 810, End: 960},
		{BodyID: 1, Kind: model.MeetingOV, Date: day(16), Start: 600, End: 720, OVRequested: day(-1)},
		{BodyID: 1, Kind: model.MeetingOV, Date: day(-250), Start: 600, End: 720, Art24: true, Status: model.MeetingHeld},
	} {
		if _, err := st.NewMeeting(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	return st, reorg.ID
}

func newView(st Store) *Model {
	m := New(common.Common{Styles: styles.New(), Now: testNow}, st)
	m.SetSize(100, 24)
	msg := m.Init()()
	m.Update(msg)
	return m
}

func TestOverzichtGolden(t *testing.T) {
	st, _ := seed(t)
	m := newView(st)
	v := m.View()
	golden.Assert(t, "termijnen", v)
	for _, want := range []string{"verlopen", "6 dagen", "Einde opschorting besluit · Reorganisatie",
		"art 25 lid 6 WOR · ma 1 dec (ruw: zo 30 nov)", "was ma 24 nov", "Agenda versturen", "art 14 lid 2 sub g WOR",
		"Overlegvergadering houden", "Art 24 (algemene gang van zaken): 1 van 2", "waarom:"} {
		if !strings.Contains(v, want) {
			t.Errorf("overzicht lacks %q", want)
		}
	}
	// Sorted by date: the expired nullity first.
	if i, j := strings.Index(v, "Beroep op nietigheid"), strings.Index(v, "Einde opschorting"); i < 0 || i > j {
		t.Error("not sorted by date")
	}
	m.SetSize(80, 18)
	golden.Assert(t, "termijnen_80x18", m.View())
}

func TestEnterJumpsToDossier(t *testing.T) {
	st, reorg := seed(t)
	m := newView(st)
	m.Update(tea.KeyMsg{Type: tea.KeyDown})
	m.Update(tea.KeyMsg{Type: tea.KeyDown})
	_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("enter did nothing")
	}
	got, ok := cmd().(common.SwitchTabMsg)
	if !ok || got.Tab != common.TabDossiers || got.ID != reorg {
		t.Fatalf("enter sent %#v, want dossier %d", got, reorg)
	}
	// A meeting's term opens the agenda.
	for i := 0; i < 2; i++ {
		m.Update(tea.KeyMsg{Type: tea.KeyDown})
	}
	_, cmd = m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if got, _ := cmd().(common.SwitchTabMsg); got.Tab != common.TabAgenda || got.ID == 0 {
		t.Fatalf("meeting term sent %#v", got)
	}
}

func TestEmpty(t *testing.T) {
	st := fake.New()
	m := newView(st)
	if v := m.View(); !strings.Contains(v, "Nog geen orgaan") {
		t.Errorf("no body:\n%s", v)
	}
	if err := st.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	m.Update(m.Init()())
	if v := m.View(); !strings.Contains(v, "Termijnen (1)") || !strings.Contains(v, "niets gepland") {
		t.Errorf("only the art 24 term:\n%s", v)
	}
}

// TestFlow runs the real program: it waits for the terms, moves down and jumps with enter.
func TestFlow(t *testing.T) {
	st, reorg := seed(t)
	var jumped common.SwitchTabMsg
	root := flowRoot{m: New(common.Common{Styles: styles.New(), Now: testNow}, st), jumped: &jumped}
	tm := teatest.NewTestModel(t, root, teatest.WithInitialTermSize(100, 30))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Einde opschorting")) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyDown})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if jumped.Tab != common.TabDossiers || jumped.ID != reorg {
		t.Fatalf("jump %#v", jumped)
	}
}

// flowRoot stands in for the root: it routes keys, quits on q and records the tab switch.
type flowRoot struct {
	m      *Model
	jumped *common.SwitchTabMsg
}

func (r flowRoot) Init() tea.Cmd { return r.m.Init() }

func (r flowRoot) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r.m.SetSize(msg.Width, msg.Height)
		return r, nil
	case tea.KeyMsg:
		if msg.String() == "q" {
			return r, tea.Quit
		}
	case common.SwitchTabMsg:
		*r.jumped = msg
		return r, nil
	}
	_, cmd := r.m.Update(msg)
	return r, cmd
}

func (r flowRoot) View() string { return r.m.View() }
