package export

import (
	"bytes"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the program embeds it too; the test must not depend on the machine's zoneinfo

	ics "github.com/arran4/golang-ical"
)

func amsterdamLoc(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func sampleEvent(loc *time.Location) Event {
	return Event{
		UID:         "vergadering-42@werkbank",
		Summary:     "Overlegvergadering: advies reorganisatie, één punt; ideeën",
		Description: "Agenda:\n1. Opening\n2. Advies \\ instemming, " + strings.Repeat("lange tekst met ë ", 10),
		Location:    "Vergaderzaal Zoë, Utrecht",
		Start:       time.Date(2025, 4, 14, 14, 0, 0, 0, loc),
		End:         time.Date(2025, 4, 14, 16, 30, 0, 0, loc),
		Organizer:   Person{"Anouk de Wit", "as@example.nl"},
		Attendees:   []Person{{"Jan \"JJ\" de Vries", "voorzitter@example.nl"}, {"Ïda Bakker", "ida@example.nl"}, {"Zonder adres", ""}},
		Stamp:       time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC),
	}
}

func TestICSParsesBack(t *testing.T) {
	loc := amsterdamLoc(t)
	for _, zone := range []*time.Location{loc, time.UTC, time.FixedZone("elders", -5*3600)} {
		ev := sampleEvent(loc)
		ev.Start, ev.End = ev.Start.In(zone), ev.End.UTC() // End's own zone must not matter
		var buf bytes.Buffer
		if err := ICS(&buf, ev); err != nil {
			t.Fatal(err)
		}
		raw := buf.String()
		cal, err := ics.ParseCalendar(strings.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: parse: %v", zone, err)
		}
		events := cal.Events()
		if len(events) != 1 {
			t.Fatalf("%d events", len(events))
		}
		e := events[0]
		start, err1 := e.GetStartAt()
		end, err2 := e.GetEndAt()
		if err1 != nil || err2 != nil || !start.Equal(ev.Start) || !end.Equal(ev.End) {
			t.Errorf("%s: start %v (%v), end %v (%v)", zone, start, err1, end, err2)
		}
		if got := ics.FromText(e.GetProperty(ics.ComponentPropertySummary).Value); got != ev.Summary {
			t.Errorf("summary %q", got)
		}
		if got := ics.FromText(e.GetProperty(ics.ComponentPropertyLocation).Value); got != ev.Location {
			t.Errorf("location %q", got)
		}
		if got := ics.FromText(e.GetProperty(ics.ComponentPropertyDescription).Value); got != ev.Description {
			t.Errorf("description %q", got)
		}
		if e.Id() != ev.UID {
			t.Errorf("uid %q", e.Id())
		}
		if as := e.Attendees(); len(as) != 2 || as[1].Email() != "ida@example.nl" {
			t.Errorf("attendees %v", as)
		}

		wantTZ := zone == loc
		if strings.Contains(raw, "DTSTART;TZID=Europe/Amsterdam:20250414T140000\r\n") != wantTZ ||
			strings.Contains(raw, "BEGIN:VTIMEZONE") != wantTZ {
			t.Errorf("%s: TZID use wrong:\n%s", zone, raw)
		}
		if wantTZ && !strings.Contains(raw, "DTEND;TZID=Europe/Amsterdam:20250414T163000\r\n") {
			t.Errorf("end not in Amsterdam time:\n%s", raw)
		}
		if !wantTZ && !strings.Contains(raw, "DTSTART:20250414T120000Z\r\n") {
			t.Errorf("%s: start not in UTC:\n%s", zone, raw)
		}
		checkICSLines(t, raw)
	}
}

// checkICSLines: CRLF only, no line over 75 octets, no UTF-8 character split by folding.
func checkICSLines(t *testing.T, raw string) {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(raw, "\r\n", ""), "\n") {
		t.Error("bare LF")
	}
	folded := false
	for _, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if strings.HasPrefix(l, " ") {
			folded = true
			if !startsRune(l[1]) {
				t.Errorf("fold splits a character: %q", l)
			}
		}
	}
	if !folded {
		t.Error("expected the long description to be folded")
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:", "DTSTAMP:20250401T090000Z\r\n",
		`ORGANIZER;CN="Anouk de Wit":mailto:as@example.nl`, `ATTENDEE;CN="Jan JJ de Vries";`, "END:VCALENDAR\r\n"} {
		if !strings.Contains(raw, want) {
			t.Errorf("missing %q", want)
		}
	}
}

func TestICSRefusesBadTimes(t *testing.T) {
	loc := amsterdamLoc(t)
	for name, ev := range map[string]Event{
		"no start": {End: time.Date(2025, 4, 14, 16, 0, 0, 0, loc)},
		"no end":   {Start: time.Date(2025, 4, 14, 16, 0, 0, 0, loc)},
		"reversed": {Start: time.Date(2025, 4, 14, 16, 0, 0, 0, loc), End: time.Date(2025, 4, 14, 15, 0, 0, 0, loc)},
	} {
		if err := ICS(&bytes.Buffer{}, ev); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestICSDerivesStableUID(t *testing.T) {
	ev := sampleEvent(amsterdamLoc(t))
	ev.UID = ""
	var a, b bytes.Buffer
	ICS(&a, ev)
	ev.Stamp = ev.Stamp.Add(time.Hour)
	ICS(&b, ev)
	uid := func(s string) string {
		_, after, _ := strings.Cut(s, "UID:")
		line, _, _ := strings.Cut(after, "\r\n")
		return line
	}
	if uid(a.String()) == "" || uid(a.String()) != uid(b.String()) {
		t.Errorf("uids %q %q", uid(a.String()), uid(b.String()))
	}
}

func TestFoldICS(t *testing.T) {
	s := "DESCRIPTION:" + strings.Repeat("€", 40) // 12 + 120 octets
	got := foldICS(s)
	if strings.ReplaceAll(strings.TrimSuffix(got, "\r\n"), "\r\n ", "") != s {
		t.Error("unfolding does not give the original")
	}
	for _, l := range strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("%d octets", len(l))
		}
	}
}
