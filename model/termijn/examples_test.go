package termijn

import (
	"strings"
	"testing"
)

// The worked examples of wor.md, one test each, numbered as there.

func TestExample1DeviatingDecision(t *testing.T) {
	ev := Events{Received: d("2025-01-10"), AdviceGiven: d("2025-02-20"), AdviceContent: AdviceNegative,
		DecisionNotified: d("2025-03-14"), Deviating: true}
	got := byRule(DossierDeadlines(Adviesaanvraag, WOR, ev, Calendar{}))
	for _, code := range []string{CodeOpschorting, CodeBeroep} {
		dl, ok := got[code]
		if !ok {
			t.Fatalf("no %s deadline", code)
		}
		if !dl.RawEnd.Equal(d("2025-04-14")) || !dl.End.Equal(d("2025-04-14")) || dl.Moved {
			t.Errorf("%s: raw %s end %s moved %v, want 2025-04-14 unmoved", code, dl.RawEnd, dl.End, dl.Moved)
		}
	}
	if !strings.Contains(got[CodeOpschorting].Note, "uitvoering op zijn vroegst di 15 apr 2025") {
		t.Errorf("earliest execution missing: %q", got[CodeOpschorting].Note)
	}
	if s := got[CodeOpschorting]; s.Title != "Einde opschorting besluit" || s.Article != "art 25 lid 6 WOR" {
		t.Errorf("opschorting: %+v", s)
	}
}

func TestExample2EndOfMonth(t *testing.T) {
	for start, want := range map[string]string{"2025-01-31": "2025-02-28", "2024-01-31": "2024-02-29"} {
		for _, code := range []string{CodeOpschorting, CodeBeroep, CodeNietigheid} {
			dl, err := Calc(WOR, code, d(start), Calendar{})
			if err != nil || !dl.End.Equal(d(want)) || !dl.RawEnd.Equal(d(want)) || dl.Moved {
				t.Errorf("%s from %s: raw %s end %s (%v), want %s", code, start, dl.RawEnd, dl.End, err, want)
			}
		}
	}
}

func TestExample3Waiver(t *testing.T) {
	ev := Events{AdviceGiven: d("2025-02-20"), DecisionNotified: d("2025-03-14"), Deviating: true,
		SuspensionWaived: d("2025-03-20")}
	got := byRule(DossierDeadlines(Adviesaanvraag, WOR, ev, Calendar{}))
	s := got[CodeOpschorting]
	if !s.End.Equal(d("2025-03-20")) {
		t.Errorf("suspension ends %s, want 2025-03-20", s.End)
	}
	if s.Note != "opschorting beëindigd op do 20 mrt 2025 (afstand gedaan)" {
		t.Errorf("note %q", s.Note)
	}
	if !strings.HasSuffix(s.Explanation, "; afstand gedaan op do 20 mrt 2025") {
		t.Errorf("explanation %q", s.Explanation)
	}
	if b := got[CodeBeroep]; !b.End.Equal(d("2025-04-14")) {
		t.Errorf("appeal ends %s, want 2025-04-14", b.End)
	}
}

func TestExample4Nullity(t *testing.T) {
	ev := Events{ExecutionNoticed: d("2025-06-10")}
	dls := DossierDeadlines(Instemmingsverzoek, WOR, ev, Calendar{})
	if len(dls) != 1 {
		t.Fatalf("deadlines: %+v", dls)
	}
	n := dls[0]
	if n.Rule != CodeNietigheid || !n.End.Equal(d("2025-07-10")) || n.Moved || !n.Start.Equal(d("2025-06-10")) {
		t.Errorf("nullity: %+v", n)
	}
	if !strings.Contains(n.StartEvent, "uitvoering") {
		t.Errorf("start event %q", n.StartEvent)
	}
}

func TestExample5Agenda(t *testing.T) {
	dl, err := Calc(WOR, CodeAgenda, d("2025-03-18"), Calendar{})
	if err != nil || !dl.End.Equal(d("2025-03-11")) {
		t.Fatalf("agenda due %s (%v), want 2025-03-11", dl.End, err)
	}
	for _, tc := range []struct {
		sent   string
		urgent bool
		late   bool
	}{
		{"2025-03-12", false, true},
		{"2025-03-12", true, false},
		{"2025-03-11", false, false},
		{"2025-03-04", false, false},
	} {
		late, msg := AgendaLate(d("2025-03-18"), d(tc.sent), tc.urgent, 7)
		if late != tc.late || (msg != "") != tc.late {
			t.Errorf("sent %s urgent %v: late %v %q", tc.sent, tc.urgent, late, msg)
		}
	}
	_, msg := AgendaLate(d("2025-03-18"), d("2025-03-12"), false, 0)
	want := "agenda verstuurd op wo 12 mrt 2025, uiterlijk di 11 mrt 2025 (7 dagen vóór de vergadering van " +
		"di 18 mrt 2025, art 14 lid 2 sub g WOR): 1 dag te laat, tenzij de vergadering spoedeisend is"
	if msg != want {
		t.Errorf("warning %q\nwant    %q", msg, want)
	}
	// A reglement with 10 days makes the same agenda late by 4 days.
	if late, msg := AgendaLate(d("2025-03-18"), d("2025-03-12"), false, 10); !late || !strings.Contains(msg, "4 dagen te laat") {
		t.Errorf("10 days: %v %q", late, msg)
	}
}

func TestExample6OVRequest(t *testing.T) {
	dl, err := Calc(WOR, CodeOVVerzoek, d("2025-11-03"), Calendar{})
	if err != nil || !dl.End.Equal(d("2025-11-17")) || dl.Moved || dl.Article != "art 23 lid 1 WOR" {
		t.Errorf("ov-verzoek: %+v %v", dl, err)
	}
	if dl.Explanation != "3 nov 2025 + 2 weken = ma 17 nov 2025" {
		t.Errorf("explanation %q", dl.Explanation)
	}
}

func TestExample7Art24(t *testing.T) {
	// On 01-12-2025 one art 24 OV has been held in 2025.
	s := Art24Status(2025, 1, 0)
	if s.Missing != 1 || s.Covered || s.Warning == "" {
		t.Fatalf("status %+v", s)
	}
	want := "in 2025 is de algemene gang van zaken 1 keer in een overlegvergadering besproken " +
		"(art 24 WOR: ten minste twee keer per kalenderjaar); nog één overlegvergadering over de algemene " +
		"gang van zaken nodig in 2025 (niets gepland)"
	if s.Warning != want {
		t.Errorf("warning %q\nwant    %q", s.Warning, want)
	}
}

func byRule(dls []Deadline) map[string]Deadline {
	m := map[string]Deadline{}
	for _, dl := range dls {
		m[dl.Rule] = dl
	}
	return m
}
