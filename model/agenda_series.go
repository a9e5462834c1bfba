package model

import (
	"fmt"
	"time"
)

// Series is a plan for many meetings at once: "elke tweede dinsdag van de maand, 13:30-16:00" from a
// date until a date. The meetings it creates are ordinary meetings afterwards; adjusting one leaves the
// others alone.
type Series struct {
	ID     int64       `json:"id"`
	BodyID int64       `json:"body_id"`
	Kind   MeetingKind `json:"kind"`
	// Nth is the week of the month: 1-4, or -1 for the last; 0 means every Interval weeks.
	Nth     int          `json:"nth"`
	Weekday time.Weekday `json:"weekday"`
	// Interval is months between meetings (Nth 1-4 or -1), or weeks (Nth 0). At least 1.
	Interval int    `json:"interval"`
	From     Date   `json:"from"`
	Until    Date   `json:"until"`
	Start    Clock  `json:"start"`
	End      Clock  `json:"end"`
	Location string `json:"location"`
	Chair    string `json:"chair"`
}

// MaxSeriesMeetings bounds a series, so a typo in a year cannot plan a thousand meetings.
const MaxSeriesMeetings = 60

var nthNames = map[int]string{1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}

// NthNames lists the choices for Nth in the order the UI offers them, with their values.
var NthNames = []struct {
	Value int
	Name  string
}{{1, "eerste"}, {2, "tweede"}, {3, "derde"}, {4, "vierde"}, {-1, "laatste"}, {0, "elke week"}}

// Validate checks a series before any meeting is made.
func (s Series) Validate() error {
	if err := (Meeting{Kind: s.Kind, Date: s.From, Start: s.Start, End: s.End, Location: s.Location}).Validate(); err != nil {
		return err
	}
	if _, ok := nthNames[s.Nth]; !ok && s.Nth != 0 {
		return Invalid("nth", "kies eerste, tweede, derde, vierde, laatste of elke week")
	}
	if s.Weekday < time.Sunday || s.Weekday > time.Saturday {
		return Invalid("weekday", "onbekende dag")
	}
	if s.Interval < 1 || s.Interval > 12 {
		return Invalid("interval", "het aantal tussen twee vergaderingen moet 1 tot 12 zijn")
	}
	if s.Until.IsZero() {
		return Invalid("until", "tot-datum is verplicht")
	}
	if s.Until.Before(s.From) {
		return Invalid("until", "de tot-datum ligt voor de begindatum")
	}
	if n := len(s.Dates()); n == 0 {
		return Invalid("until", "in deze periode valt geen enkele vergadering")
	} else if n > MaxSeriesMeetings {
		return Invalid("until", fmt.Sprintf("dat worden %d vergaderingen; plan er hoogstens %d tegelijk", n, MaxSeriesMeetings))
	}
	return nil
}

// Dates lists the meeting days of the series from From up to and including Until.
func (s Series) Dates() []Date {
	var out []Date
	if s.From.IsZero() || s.Until.IsZero() || s.Interval < 1 {
		return nil
	}
	if s.Nth == 0 {
		d := s.From
		for d.Weekday() != s.Weekday {
			d = d.AddDays(1)
		}
		for ; !d.After(s.Until) && len(out) <= MaxSeriesMeetings; d = d.AddDays(7 * s.Interval) {
			out = append(out, d)
		}
		return out
	}
	first := NewDate(s.From.Year(), s.From.Month(), 1)
	for m := first; !m.After(s.Until) && len(out) <= MaxSeriesMeetings; m = m.AddMonths(s.Interval) {
		d := NthWeekday(m.Year(), m.Month(), s.Nth, s.Weekday)
		if d.IsZero() || d.Before(s.From) || d.After(s.Until) {
			continue
		}
		out = append(out, d)
	}
	return out
}

// NthWeekday is the nth weekday of a month (n 1-5, or -1 for the last); zero when the month has none.
func NthWeekday(y int, m time.Month, n int, w time.Weekday) Date {
	if n == -1 {
		d := NewDate(y, m, DaysIn(y, m))
		for d.Weekday() != w {
			d = d.AddDays(-1)
		}
		return d
	}
	d := NewDate(y, m, 1)
	for d.Weekday() != w {
		d = d.AddDays(1)
	}
	d = d.AddDays(7 * (n - 1))
	if d.Month() != m {
		return Date{}
	}
	return d
}

// Describe says the series in Dutch: "elke tweede dinsdag van de maand, 13:30–16:00".
func (s Series) Describe() string {
	day := DayName(s.Weekday)
	var when string
	switch {
	case s.Nth == 0 && s.Interval == 1:
		when = "elke " + day
	case s.Nth == 0:
		when = fmt.Sprintf("om de %d weken op %s", s.Interval, day)
	case s.Interval == 1:
		when = fmt.Sprintf("elke %s %s van de maand", nthNames[s.Nth], day)
	default:
		when = fmt.Sprintf("de %s %s van elke %de maand", nthNames[s.Nth], day, s.Interval)
	}
	return fmt.Sprintf("%s, %s–%s", when, s.Start, s.End)
}

// Meetings makes the meetings of the series (not yet stored).
func (s Series) Meetings() []Meeting {
	var out []Meeting
	for _, d := range s.Dates() {
		out = append(out, Meeting{BodyID: s.BodyID, Kind: s.Kind, Date: d, Start: s.Start, End: s.End,
			Location: s.Location, Chair: s.Chair, Status: MeetingConcept})
	}
	return out
}
