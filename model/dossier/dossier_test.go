package dossier

import (
	"errors"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func d(s string) model.Date { return model.MustDate(s) }

func ev(id int64, k EventKind, date, content string) Event {
	return Event{ID: id, Kind: k, Date: d(date), Content: content}
}

func advies(evs ...Event) Dossier {
	return Dossier{ID: 1, BodyID: 1, Kind: termijn.Adviesaanvraag, Title: "Reorganisatie", StartedOn: d("2025-01-10"),
		Events: evs}
}

func byRule(ts []Term) map[string]Term {
	m := map[string]Term{}
	for _, t := range ts {
		m[t.Rule] = t
	}
	return m
}

func TestEventsMapping(t *testing.T) {
	x := advies(
		ev(1, Received, "2025-01-10", ""),
		ev(2, OVRequest, "2025-01-15", ""),
		ev(3, OVHeld, "2025-01-12", ""),
		ev(4, OVHeld, "2025-01-20", ""),
		ev(5, OVHeld, "2025-02-01", ""),
		ev(6, Advice, "2025-02-10", "positief"),
		ev(7, Advice, "2025-02-20", "negatief"),
		ev(8, Decision, "2025-03-14", DecisionDeviating),
		ev(9, AgreedTerm, "2025-02-21", "advies binnen 6 weken"),
		ev(10, AgreedTerm, "2025-03-07", "advies binnen 8 weken"),
	)
	e := Events(x)
	if !e.Received.Equal(d("2025-01-10")) || !e.OVRequested.Equal(d("2025-01-15")) || !e.OVHeld.Equal(d("2025-01-20")) {
		t.Errorf("received/ov: %+v", e)
	}
	if !e.AdviceGiven.Equal(d("2025-02-20")) || e.AdviceContent != termijn.AdviceNegative {
		t.Errorf("advice: %s %s", e.AdviceGiven, e.AdviceContent)
	}
	if !e.DecisionNotified.Equal(d("2025-03-14")) || !e.Deviating {
		t.Errorf("decision: %s %v", e.DecisionNotified, e.Deviating)
	}
	if !e.AgreedTerm.Equal(d("2025-03-07")) || e.AgreedTermText != "advies binnen 8 weken" {
		t.Errorf("agreed: %s %q", e.AgreedTerm, e.AgreedTermText)
	}
	x.Events[7].Content = DecisionConform
	if Events(x).Deviating {
		t.Error("a conform decision deviates")
	}
	// Nullity runs from the first time execution was noticed.
	inst := Dossier{Kind: termijn.Instemmingsverzoek, Events: []Event{ev(1, ExecutionNoticed, "2025-06-20", ""),
		ev(2, ExecutionNoticed, "2025-06-10", "")}}
	if got := Events(inst).ExecutionNoticed; !got.Equal(d("2025-06-10")) {
		t.Errorf("execution noticed %s", got)
	}
}

// The worked examples of wor.md, through a dossier's timeline.
func TestWorkedExamplesThroughTimeline(t *testing.T) {
	x := advies(ev(1, Received, "2025-01-10", ""), ev(2, OVHeld, "2025-02-11", ""),
		ev(3, Advice, "2025-02-20", "negatief"), ev(4, Decision, "2025-03-14", DecisionDeviating))
	got := byRule(Terms(x, termijn.WOR, termijn.Calendar{}))
	for _, code := range []string{termijn.CodeOpschorting, termijn.CodeBeroep} {
		if !got[code].End.Equal(d("2025-04-14")) || got[code].Done != "" {
			t.Errorf("example 1 %s: %+v", code, got[code])
		}
	}
	// Example 3: waiver closes the suspension, not the appeal term.
	x.Events = append(x.Events, ev(5, Waiver, "2025-03-20", ""))
	got = byRule(Terms(x, termijn.WOR, termijn.Calendar{}))
	if s := got[termijn.CodeOpschorting]; !s.End.Equal(d("2025-03-20")) || !strings.Contains(s.Done, "afstand") {
		t.Errorf("example 3 suspension: %+v", s)
	}
	if b := got[termijn.CodeBeroep]; !b.End.Equal(d("2025-04-14")) || b.Done != "" {
		t.Errorf("example 3 appeal: %+v", b)
	}
	// Example 4: roster introduced without consent, noticed on 10-06-2025.
	inst := Dossier{Kind: termijn.Instemmingsverzoek, StartedOn: d("2025-06-10"),
		Events: []Event{ev(1, ExecutionNoticed, "2025-06-10", "")}}
	n := byRule(Terms(inst, termijn.WOR, termijn.Calendar{}))[termijn.CodeNietigheid]
	if !n.End.Equal(d("2025-07-10")) {
		t.Errorf("example 4: %+v", n)
	}
	// Example 6 in a dossier: OV requested on 03-11-2025, held in time.
	ovx := advies(ev(1, OVRequest, "2025-11-03", ""))
	o := byRule(Terms(ovx, termijn.WOR, termijn.Calendar{}))[termijn.CodeOVVerzoek]
	if !o.End.Equal(d("2025-11-17")) || o.Done != "" {
		t.Errorf("example 6: %+v", o)
	}
	ovx.Events = append(ovx.Events, ev(2, OVHeld, "2025-11-13", ""))
	if o := byRule(Terms(ovx, termijn.WOR, termijn.Calendar{}))[termijn.CodeOVVerzoek]; o.Done == "" {
		t.Errorf("OV held but term still open: %+v", o)
	}
}

func TestTermsUnderOtherRuleSets(t *testing.T) {
	x := advies(ev(1, Advice, "2025-02-20", "negatief"), ev(2, Decision, "2025-03-14", DecisionDeviating),
		ev(3, AgreedTerm, "2025-02-28", "advies binnen 6 weken"))
	ts := Terms(x, termijn.WMS, termijn.Calendar{})
	if len(ts) != 1 || ts[0].Rule != termijn.CodeAfgesproken || ts[0].Statutory {
		t.Fatalf("WMS borrowed WOR terms: %+v", ts)
	}
	if ts[0].Done == "" {
		t.Error("agreed advice term not done after the advice")
	}
	if c := Checks(x, termijn.WMS); len(c) == 0 || !strings.Contains(c[0], "geen wettelijke termijn bekend onder wms") {
		t.Errorf("checks %q", c)
	}
}

func TestNextAndClosed(t *testing.T) {
	x := advies(ev(1, Advice, "2025-02-20", "negatief"), ev(2, Decision, "2025-03-14", DecisionDeviating))
	ts := Terms(x, termijn.WOR, termijn.Calendar{})
	if n, ok := Next(ts, d("2025-04-01")); !ok || n.Rule != termijn.CodeOpschorting {
		t.Errorf("next %+v %v", n, ok)
	}
	if _, ok := Next(ts, d("2025-04-29")); ok {
		t.Error("a term expired more than 14 days ago is still next")
	}
	if n, ok := Next(ts, d("2025-04-28")); !ok || n.Rule != termijn.CodeOpschorting {
		t.Errorf("a term expired 14 days ago is next: %+v %v", n, ok)
	}
	x.Events = append(x.Events, ev(3, Closing, "2025-03-20", ""))
	if on, ok := x.Closed(); !ok || !on.Equal(d("2025-03-20")) {
		t.Errorf("closed %s %v", on, ok)
	}
	for _, t2 := range Terms(x, termijn.WOR, termijn.Calendar{}) {
		if !strings.Contains(t2.Done, "gesloten") {
			t.Errorf("term of a closed dossier still open: %+v", t2)
		}
	}
	if p := x.Phase(); p != "gesloten 20 mrt 2025" {
		t.Errorf("phase %q", p)
	}
}

func TestCheckEvents(t *testing.T) {
	for _, tc := range []struct {
		name  string
		x     Dossier
		field string
		msg   string
	}{
		{"valid", advies(ev(1, Received, "2025-01-10", ""), ev(2, Advice, "2025-02-20", "negatief")), "", ""},
		{"before start", advies(ev(1, OVHeld, "2025-01-09", "")), "date",
			"overlegvergadering gehouden (do 9 jan 2025) ligt vóór de start van het dossier (vr 10 jan 2025)"},
		{"decision before advice", advies(ev(1, Advice, "2025-02-20", "negatief"),
			ev(2, Decision, "2025-02-19", DecisionDeviating)), "date", "kan niet vóór het advies"},
		{"advice without content", advies(ev(1, Advice, "2025-02-20", "")), "content", "kies bij advies uitgebracht"},
		{"unknown advice content", advies(ev(1, Advice, "2025-02-20", "neutraal")), "content", "positief, negatief"},
		{"decision without deviating or conform", advies(ev(1, Decision, "2025-02-20", "")), "content", "afwijkend, conform"},
		{"consent on an adviesaanvraag", advies(ev(1, Consent, "2025-02-20", "verleend")), "kind", "hoort niet bij"},
		{"reasons before decision", advies(ev(1, Decision, "2025-03-14", DecisionDeviating),
			ev(2, Reasons, "2025-03-13", "")), "date", "motivering"},
		{"empty note", advies(ev(1, Note, "2025-03-13", "")), "note", "notitie"},
		{"content on a plain event", advies(ev(1, OVHeld, "2025-03-13", "ja")), "content", "geen inhoud"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckEvents(tc.x)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("unexpected %v", err)
				}
				return
			}
			var fe *model.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field || !strings.Contains(fe.Message, tc.msg) {
				t.Fatalf("got %#v, want field %s with %q", err, tc.field, tc.msg)
			}
		})
	}
}

func TestLabelsAndKinds(t *testing.T) {
	if got := ev(1, Advice, "2025-02-20", "negatief").Label(termijn.Adviesaanvraag); got != "advies uitgebracht: negatief" {
		t.Errorf("label %q", got)
	}
	if got := ev(1, Decision, "2025-02-20", DecisionDeviating).Label(termijn.Adviesaanvraag); got != "besluit meegedeeld (afwijkend)" {
		t.Errorf("label %q", got)
	}
	if got := ev(1, Received, "2025-02-20", "").Label(termijn.Instemmingsverzoek); got != "instemmingsverzoek ontvangen" {
		t.Errorf("label %q", got)
	}
	for _, k := range termijn.DossierKinds {
		if len(EventKinds(k)) == 0 {
			t.Errorf("no events for %s", k)
		}
		for _, e := range EventKinds(k) {
			if _, err := ParseEventKind(string(e)); err != nil {
				t.Errorf("%s: %v", e, err)
			}
		}
	}
	if _, err := ParseEventKind("klacht"); err == nil {
		t.Error("unknown event accepted")
	}
	if err := (Dossier{Kind: termijn.Overig, Title: " "}).Validate(); err == nil {
		t.Error("empty title accepted")
	}
	if err := (Dossier{Kind: termijn.Overig, Title: "x"}).Validate(); err == nil {
		t.Error("missing start accepted")
	}
}
