package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Dates and times come from forms and the command line, typed fast. Whatever is typed, ParseDate and
// ParseClock either give a value that exists and reads back the same, or a Dutch message; never a panic.

// digitsAnd reports whether s holds only ASCII digits and the given separators.
func digitsAnd(s, seps string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && !strings.ContainsRune(seps, r) {
			return false
		}
	}
	return true
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2025-11-25", "25-11-2025", "31-02-2025", "29-02-2024", "29-02-2025", "2025-13-01",
		"0000-00-00", "1899-12-31", "2201-01-01", " 2025-1-5 ", "2025-+1-05", "2025--1-05", "-1-01-2025", "",
		"2025-11", "25/11/2025", "2025-11-25-01", "٢٠٢٥-١١-٢٥", "2025-011-05", "99999999999999999999-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("%q: error %v with a date %v", s, err, d)
			}
			if msg := err.Error(); msg == "" || !utf8.ValidString(msg) && utf8.ValidString(s) {
				t.Fatalf("%q: bad message %q", s, msg)
			}
			return
		}
		if !digitsAnd(strings.TrimSpace(s), "-") {
			t.Fatalf("%q accepted as %v: only digits and - make a date", s, d)
		}
		if d.Year() < 1900 || d.Year() > 2200 {
			t.Fatalf("%q: year %d", s, d.Year())
		}
		back, err := ParseDate(d.String())
		if err != nil || !back.Equal(d) {
			t.Fatalf("%q → %v does not read back: %v %v", s, d, back, err)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"13:30", "9:05", "09.05", "25:00", "12:60", "24:00", "00:00", "23:59", "-0:30", "+1:30",
		"1:5", ":30", "13:", "", "130", "13:30:00", "１３:３０", " 8:00 "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseClock(s)
		if err != nil {
			if c != 0 || err.Error() == "" {
				t.Fatalf("%q: %v with %d", s, err, c)
			}
			return
		}
		if !digitsAnd(strings.TrimSpace(s), ":.") {
			t.Fatalf("%q accepted as %v: only digits and : or . make a time", s, c)
		}
		if c < 0 || c >= 24*60 {
			t.Fatalf("%q: %d minutes", s, c)
		}
		back, err := ParseClock(c.String())
		if err != nil || back != c {
			t.Fatalf("%q → %v does not read back: %v %v", s, c, back, err)
		}
	})
}
