package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without a time or zone: the unit of every legal term. The zero Date means
// "no date".
type Date struct {
	t time.Time // always midnight UTC
}

// NewDate returns the date y-m-d. It normalises like time.Date (31 Feb becomes 3 Mar); use ParseDate
// for user input, which refuses impossible dates.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads YYYY-MM-DD or DD-MM-YYYY and refuses dates that do not exist (31-02-2025).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return Date{}, fmt.Errorf("%q is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ", s)
	}
	var ys, ms, ds string
	switch {
	case len(parts[0]) == 4:
		ys, ms, ds = parts[0], parts[1], parts[2]
	case len(parts[2]) == 4:
		ds, ms, ys = parts[0], parts[1], parts[2]
	default:
		return Date{}, fmt.Errorf("%q is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ", s)
	}
	y, err1 := strconv.Atoi(ys)
	m, err2 := strconv.Atoi(ms)
	d, err3 := strconv.Atoi(ds)
	if err1 != nil || err2 != nil || err3 != nil || len(ms) > 2 || len(ds) > 2 || len(ms) == 0 || len(ds) == 0 ||
		!allDigits(ys+ms+ds) { // Atoi takes a sign: "2025-+1-05" is no date

		return Date{}, fmt.Errorf("%q is geen datum: gebruik JJJJ-MM-DD of DD-MM-JJJJ", s)
	}
	if y < 1900 || y > 2200 {
		return Date{}, fmt.Errorf("%q: jaar %d valt buiten 1900-2200", s, y)
	}
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("%q: maand %d bestaat niet", s, m)
	}
	if d < 1 || d > DaysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("%q: %s %d heeft geen dag %d", s, MonthName(time.Month(m)), y, d)
	}
	return NewDate(y, time.Month(m), d), nil
}

// MustDate parses an ISO date and panics on error; for tests and fixed tables only.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DaysIn returns the number of days in month m of year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func (d Date) IsZero() bool              { return d.t.IsZero() }
func (d Date) Year() int                 { return d.t.Year() }
func (d Date) Month() time.Month         { return d.t.Month() }
func (d Date) Day() int                  { return d.t.Day() }
func (d Date) Weekday() time.Weekday     { return d.t.Weekday() }
func (d Date) Time() time.Time           { return d.t }
func (d Date) Before(o Date) bool        { return d.t.Before(o.t) }
func (d Date) After(o Date) bool         { return d.t.After(o.t) }
func (d Date) Equal(o Date) bool         { return d.t.Equal(o.t) }
func (d Date) AddDays(n int) Date        { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) IsWeekend() bool           { w := d.Weekday(); return w == time.Saturday || w == time.Sunday }
func (d Date) Compare(o Date) int        { return d.t.Compare(o.t) }
func (d Date) DaysUntil(o Date) int      { return int(o.t.Sub(d.t).Hours() / 24) }
func (d Date) At(hhmm Clock) time.Time   { return d.t.Add(time.Duration(hhmm) * time.Minute) }
func (d Date) ISOWeek() (year, week int) { return d.t.ISOWeek() }

// AddMonths adds n months keeping the day number; where the target month is shorter it ends on that
// month's last day (31 Jan + 1 month = 28 or 29 Feb).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	y, m := d.Year(), int(d.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	day := min(d.Day(), DaysIn(y, time.Month(m+1)))
	return NewDate(y, time.Month(m+1), day)
}

// String gives YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == nil || *s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(*s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// allDigits reports whether s holds only ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Clock is a time of day in minutes after midnight.
type Clock int

// ParseClock reads HH:MM (or H:MM) and refuses 25:00 or 12:60.
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		h, m, ok = strings.Cut(s, ".")
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || len(h) == 0 || len(h) > 2 || !allDigits(h+m) {
		return 0, fmt.Errorf("%q is geen tijd: gebruik UU:MM, bijvoorbeeld 13:30", s)
	}
	if hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("%q bestaat niet: uren 0-23, minuten 0-59", s)
	}
	return Clock(hh*60 + mm), nil
}

// String gives HH:MM.
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60%24, int(c)%60) }

// MarshalJSON writes "HH:MM".
func (c Clock) MarshalJSON() ([]byte, error) { return json.Marshal(c.String()) }
