package termijn

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDossierDeadlines(t *testing.T) {
	type want struct {
		rule, end string
		note      string // substring
	}
	for _, tc := range []struct {
		name string
		kind DossierKind
		set  RuleSet
		ev   Events
		want []want // in order
	}{
		{"nothing happened yet", Adviesaanvraag, WOR, Events{Received: d("2025-01-10")}, nil},
		{"decision follows the advice: no suspension, no appeal term", Adviesaanvraag, WOR,
			Events{AdviceGiven: d("2025-02-20"), DecisionNotified: d("2025-03-14")}, nil},
		{"reasons later than the notification move the appeal term only", Adviesaanvraag, WOR,
			Events{DecisionNotified: d("2025-03-14"), Deviating: true, ReasonsReceived: d("2025-03-20")},
			[]want{
				{CodeOpschorting, "2025-04-14", "uitvoering op zijn vroegst"},
				// 20-04-2025 is Easter Sunday, 21-04 Tweede Paasdag.
				{CodeBeroep, "2025-04-22", "de termijn loopt pas vanaf de schriftelijke motivering"},
			}},
		{"reasons together with the notification", Adviesaanvraag, WOR,
			Events{DecisionNotified: d("2025-03-14"), Deviating: true, ReasonsReceived: d("2025-03-14")},
			[]want{{CodeOpschorting, "2025-04-14", ""}, {CodeBeroep, "2025-04-14", ""}}},
		{"waiver after the suspension ended changes nothing", Adviesaanvraag, WOR,
			Events{DecisionNotified: d("2025-03-14"), Deviating: true, SuspensionWaived: d("2025-04-20")},
			[]want{{CodeOpschorting, "2025-04-14", "na het einde van de opschorting"}, {CodeBeroep, "2025-04-14", ""}}},
		{"waiver on the day of notification", Adviesaanvraag, WOR,
			Events{DecisionNotified: d("2025-03-14"), Deviating: true, SuspensionWaived: d("2025-03-14")},
			[]want{{CodeOpschorting, "2025-03-14", "afstand gedaan"}, {CodeBeroep, "2025-04-14", ""}}},
		{"OV request, agreed term and a deviating decision, in end order", Adviesaanvraag, WOR,
			Events{Received: d("2025-01-10"), OVRequested: d("2025-01-15"), AgreedTerm: d("2025-02-21"),
				AgreedTermText: "advies binnen 6 weken", DecisionNotified: d("2025-03-14"), Deviating: true},
			[]want{
				{CodeOVVerzoek, "2025-01-29", ""},
				{CodeAfgesproken, "2025-02-21", "afgesproken termijn"},
				{CodeOpschorting, "2025-04-14", ""},
				{CodeBeroep, "2025-04-14", ""},
			}},
		{"OV held late", Informatieverzoek, WOR,
			Events{OVRequested: d("2025-11-03"), OVHeld: d("2025-11-20")},
			[]want{{CodeOVVerzoek, "2025-11-17", "overlegvergadering gehouden op do 20 nov 2025 (3 dagen te laat)"}}},
		{"OV held in time", Initiatiefvoorstel, WOR,
			Events{OVRequested: d("2025-11-03"), OVHeld: d("2025-11-13")},
			[]want{{CodeOVVerzoek, "2025-11-17", "overlegvergadering gehouden op do 13 nov 2025"}}},
		{"nullity from the notification, not the later noticed execution", Instemmingsverzoek, WOR,
			Events{DecisionNotified: d("2025-06-02"), ExecutionNoticed: d("2025-06-10")},
			[]want{{CodeNietigheid, "2025-07-02", "schriftelijk tegenover de bestuurder"}}},
		{"consent refused, decision notified", Instemmingsverzoek, WOR,
			Events{ConsentGiven: d("2025-05-01"), ConsentContent: ConsentRefused, DecisionNotified: d("2025-05-31")},
			// 30-06-2025 is a Monday: 31 May + 1 month clamps to 30 June.
			[]want{{CodeNietigheid, "2025-06-30", ""}}},
		{"consent under conditions", Instemmingsverzoek, WOR,
			Events{ConsentGiven: d("2025-05-01"), ConsentContent: ConsentConditional, DecisionNotified: d("2025-05-02")},
			[]want{{CodeNietigheid, "2025-06-02", "instemming onder voorwaarden"}}},
		{"consent granted: no nullity term", Instemmingsverzoek, WOR,
			Events{ConsentGiven: d("2025-05-01"), ConsentContent: ConsentGranted, DecisionNotified: d("2025-05-02")},
			nil},
		{"deviating flag on an instemmingsverzoek does not make a suspension", Instemmingsverzoek, WOR,
			Events{DecisionNotified: d("2025-06-10"), Deviating: true},
			[]want{{CodeNietigheid, "2025-07-10", ""}}},
		{"WMS: no WOR terms, only the agreed term", Adviesaanvraag, WMS,
			Events{Received: d("2025-01-10"), OVRequested: d("2025-01-15"), DecisionNotified: d("2025-03-14"),
				Deviating: true, AgreedTerm: d("2025-02-21")},
			[]want{{CodeAfgesproken, "2025-02-21", ""}}},
		{"Wmcz: no WOR terms", Instemmingsverzoek, Wmcz, Events{ExecutionNoticed: d("2025-06-10")}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := DossierDeadlines(tc.kind, tc.set, tc.ev, Calendar{})
			if got == nil {
				t.Fatal("nil slice: would marshal as null")
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d deadlines, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				if got[i].Rule != w.rule || !got[i].End.Equal(d(w.end)) || !strings.Contains(got[i].Note, w.note) {
					t.Errorf("[%d] %s ends %s note %q, want %s %s %q", i, got[i].Rule, got[i].End, got[i].Note,
						w.rule, w.end, w.note)
				}
			}
		})
	}
}

func TestAgreedTermIsNotStatutory(t *testing.T) {
	// 6 weeks from Sat 18-10-2025 is Sat 29-11-2025: an agreed term stays there.
	ev := Events{Received: d("2025-10-18"), AgreedTerm: d("2025-11-29"), AgreedTermText: "advies binnen 6 weken"}
	got := DossierDeadlines(Adviesaanvraag, WOR, ev, Calendar{})
	if len(got) != 1 {
		t.Fatalf("%+v", got)
	}
	a := got[0]
	if a.Statutory || a.Moved || !a.End.Equal(d("2025-11-29")) || !a.Start.Equal(d("2025-10-18")) {
		t.Errorf("agreed term: %+v", a)
	}
	if a.Note != "afgesproken termijn, geen wettelijke termijn; valt op een zaterdag" {
		t.Errorf("note %q", a.Note)
	}
	if a.StartEvent != "advies binnen 6 weken" || !strings.Contains(a.Explanation, "afgesproken termijn") {
		t.Errorf("agreed term text: %+v", a)
	}
}

func TestDossierDeadlinesEmptyJSON(t *testing.T) {
	b, err := json.Marshal(DossierDeadlines(Overig, WOR, Events{}, Calendar{}))
	if err != nil || string(b) != "[]" {
		t.Errorf("%s %v", b, err)
	}
}
