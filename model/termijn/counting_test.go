package termijn

import (
	"strings"
	"testing"
)

// month is a statutory one-month term the Atw applies to, like the appeal term.
var month = Rule{Code: "test", Direction: Forward, Amount: 1, Unit: Months, Statutory: true, Atw: true}

func TestAdd(t *testing.T) {
	for _, tc := range []struct {
		start string
		n     int
		u     Unit
		want  string
	}{
		{"2025-01-31", 1, Months, "2025-02-28"},
		{"2024-01-31", 1, Months, "2024-02-29"}, // leap year
		{"2100-01-31", 1, Months, "2100-02-28"}, // 2100 is no leap year
		{"2024-02-29", 12, Months, "2025-02-28"},
		{"2025-03-31", 1, Months, "2025-04-30"},
		{"2025-03-31", -1, Months, "2025-02-28"},
		{"2025-12-15", 1, Months, "2026-01-15"},
		{"2025-11-03", 2, Weeks, "2025-11-17"},
		{"2025-03-18", -7, Days, "2025-03-11"},
		{"2024-02-28", 1, Days, "2024-02-29"},
	} {
		if got := Add(d(tc.start), tc.n, tc.u); !got.Equal(d(tc.want)) {
			t.Errorf("Add(%s, %d, %s) = %s, want %s", tc.start, tc.n, tc.u, got, tc.want)
		}
	}
}

func TestComputeForward(t *testing.T) {
	ascensionFriday := Calendar{Extra: []Holiday{{"vrijdag na Hemelvaartsdag", d("2025-05-30")}}}
	goodFriday := Calendar{Extra: []Holiday{GoodFriday(2024)}}
	for _, tc := range []struct {
		name       string
		rule       Rule
		cal        Calendar
		start, raw string
		end        string
		note       string // substring; "" means the note must be empty
		expl       string // exact when set
	}{
		{"31 Jan", month, Calendar{}, "2025-01-31", "2025-02-28", "2025-02-28", "", ""},
		{"31 Jan leap year", month, Calendar{}, "2024-01-31", "2024-02-29", "2024-02-29", "", ""},
		{"month end on a Sunday", month, Calendar{}, "2025-10-31", "2025-11-30", "2025-12-01", "valt op een zondag",
			"31 okt 2025 + 1 maand = zo 30 nov 2025; Atw art 1 → ma 1 dec 2025"},
		{"Koningsdag on a Monday", month, Calendar{}, "2026-03-27", "2026-04-27", "2026-04-28", "valt op Koningsdag", ""},
		{"Koningsdag on 26 April 2025", month, Calendar{}, "2025-03-26", "2025-04-26", "2025-04-28",
			"valt op Koningsdag", ""},
		{"27 April 2025 is only a Sunday", month, Calendar{}, "2025-03-27", "2025-04-27", "2025-04-28",
			"valt op een zondag", ""},
		{"5 mei", month, Calendar{}, "2025-04-05", "2025-05-05", "2025-05-06", "valt op Bevrijdingsdag", ""},
		{"5 mei in a non-lustrum year", month, Calendar{}, "2026-04-05", "2026-05-05", "2026-05-06",
			"valt op Bevrijdingsdag", ""},
		{"Christmas and the weekend", month, Calendar{}, "2025-11-25", "2025-12-25", "2025-12-29",
			"valt op Eerste Kerstdag", "25 nov 2025 + 1 maand = do 25 dec 2025; Atw art 1 → ma 29 dec 2025"},
		{"Nieuwjaarsdag", month, Calendar{}, "2025-12-01", "2026-01-01", "2026-01-02", "valt op Nieuwjaarsdag", ""},
		{"Tweede Paasdag", month, Calendar{}, "2025-03-21", "2025-04-21", "2025-04-22", "valt op Tweede Paasdag", ""},
		{"Hemelvaartsdag", month, Calendar{}, "2025-04-29", "2025-05-29", "2025-05-30", "valt op Hemelvaartsdag", ""},
		{"Hemelvaartsdag and an equated Friday", month, ascensionFriday, "2025-04-29", "2025-05-29", "2025-06-02",
			"valt op Hemelvaartsdag", ""},
		{"on the equated day itself", month, ascensionFriday, "2025-04-30", "2025-05-30", "2025-06-02",
			"valt op vrijdag na Hemelvaartsdag", ""},
		{"Tweede Pinksterdag", month, Calendar{}, "2025-05-09", "2025-06-09", "2025-06-10",
			"valt op Tweede Pinksterdag", ""},
		{"Saturday before Tweede Pinksterdag", month, Calendar{}, "2025-05-07", "2025-06-07", "2025-06-10",
			"valt op een zaterdag", ""},
		{"Goede Vrijdag is no holiday by default", month, Calendar{}, "2024-02-29", "2024-03-29", "2024-03-29", "", ""},
		{"Goede Vrijdag added by the user", month, goodFriday, "2024-02-29", "2024-03-29", "2024-04-02",
			"valt op Goede Vrijdag", ""},
		{"Atw art 1 and 2", Rule{Direction: Forward, Amount: 3, Unit: Days, Statutory: true, Atw: true}, Calendar{},
			"2025-12-24", "2025-12-27", "2025-12-30", "valt op een zaterdag",
			"24 dec 2025 + 3 dagen = za 27 dec 2025; Atw art 1 en 2 → di 30 dec 2025"},
		{"Atw art 2 alone", Rule{Direction: Forward, Amount: 3, Unit: Days, Statutory: true, Atw: true}, Calendar{},
			"2025-12-26", "2025-12-29", "2025-12-30", "",
			"26 dec 2025 + 3 dagen = ma 29 dec 2025; Atw art 2 → di 30 dec 2025"},
		{"not statutory: never moved", Rule{Direction: Forward, Amount: 6, Unit: Weeks, Statutory: false},
			Calendar{}, "2025-10-18", "2025-11-29", "2025-11-29", "de Atw verlengt hem niet", ""},
		{"statutory without Atw: never moved", Rule{Direction: Forward, Amount: 1, Unit: Months, Statutory: true},
			Calendar{}, "2025-10-31", "2025-11-30", "2025-11-30", "valt op een zondag", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Compute(tc.rule, d(tc.start), tc.cal)
			if !got.Start.Equal(d(tc.start)) || !got.RawEnd.Equal(d(tc.raw)) || !got.End.Equal(d(tc.end)) {
				t.Errorf("start %s raw %s end %s, want %s %s %s", got.Start, got.RawEnd, got.End, tc.start, tc.raw, tc.end)
			}
			if got.Moved != (tc.raw != tc.end) {
				t.Errorf("moved = %v", got.Moved)
			}
			if tc.note == "" && got.Note != "" || !strings.Contains(got.Note, tc.note) {
				t.Errorf("note %q, want %q", got.Note, tc.note)
			}
			if tc.expl != "" && got.Explanation != tc.expl {
				t.Errorf("explanation %q\nwant        %q", got.Explanation, tc.expl)
			}
		})
	}
}

func TestComputeBackward(t *testing.T) {
	for _, tc := range []struct {
		name          string
		days          int
		meeting, want string
		note          string
		expl          string
	}{
		{"worked example 5", 0, "2025-03-18", "2025-03-11", "", "18 mrt 2025 − 7 dagen = di 11 mrt 2025"},
		{"on Tweede Paasdag: kept", 7, "2025-04-28", "2025-04-21", "valt op Tweede Paasdag",
			"28 apr 2025 − 7 dagen = ma 21 apr 2025; niet verschoven (Atw art 1 lid 2: terugrekenen)"},
		{"on a Saturday: kept", 7, "2025-03-15", "2025-03-08", "valt op een zaterdag", ""},
		{"on Koningsdag 2025: kept", 7, "2025-05-03", "2025-04-26", "valt op Koningsdag", ""},
		{"reglement says 10 days", 10, "2025-03-18", "2025-03-08",
			"valt op een zaterdag; termijn volgens reglement: 10 dagen", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Compute(AgendaRule(tc.days), d(tc.meeting), Calendar{})
			if !got.End.Equal(d(tc.want)) || !got.RawEnd.Equal(d(tc.want)) || got.Moved {
				t.Errorf("raw %s end %s moved %v, want %s unmoved", got.RawEnd, got.End, got.Moved, tc.want)
			}
			if got.Note != tc.note {
				t.Errorf("note %q, want %q", got.Note, tc.note)
			}
			if tc.expl != "" && got.Explanation != tc.expl {
				t.Errorf("explanation %q\nwant        %q", got.Explanation, tc.expl)
			}
			if got.Rule != CodeAgenda || got.Article != "art 14 lid 2 sub g WOR" || !got.Statutory {
				t.Errorf("rule fields: %+v", got)
			}
		})
	}
}

func TestRemaining(t *testing.T) {
	dl := Deadline{End: d("2025-04-14")}
	for _, tc := range []struct{ today, want string }{
		{"2025-04-10", "nog 4 dagen"},
		{"2025-04-12", "nog 2 dagen"},
		{"2025-04-13", "morgen"},
		{"2025-04-14", "vandaag"},
		{"2025-04-15", "verlopen (1 dag)"},
		{"2025-04-17", "verlopen (3 dagen)"},
	} {
		if got := Remaining(d(tc.today), dl); got != tc.want {
			t.Errorf("Remaining(%s) = %q, want %q", tc.today, got, tc.want)
		}
	}
	if got := Remaining(d("2025-04-10"), Deadline{}); got != "" {
		t.Errorf("Remaining without end = %q", got)
	}
}
