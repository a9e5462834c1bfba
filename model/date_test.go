package model

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"2025-03-14", "2025-03-14", true},
		{"14-03-2025", "2025-03-14", true},
		{"1-3-2025", "2025-03-01", true},
		{" 2024-02-29 ", "2024-02-29", true},
		{"2025-02-29", "", false},
		{"31-02-2025", "", false},
		{"2025-13-01", "", false},
		{"2025-00-10", "", false},
		{"2025-04-31", "", false},
		{"00-01-2025", "", false},
		{"2025/03/14", "", false},
		{"14 maart 2025", "", false},
		{"", "", false},
		{"1899-12-31", "", false},
		{"2025-003-01", "", false},
		{"-1-2025", "", false},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in)
		if (err == nil) != c.ok || (c.ok && d.String() != c.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %q ok=%v", c.in, d, err, c.want, c.ok)
		}
	}
}

func TestAddMonths(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2025-01-31", 1, "2025-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2025-03-14", 1, "2025-04-14"},
		{"2025-10-31", 1, "2025-11-30"},
		{"2025-12-15", 1, "2026-01-15"},
		{"2025-01-31", -2, "2024-11-30"},
		{"2025-05-31", 12, "2026-05-31"},
		{"2024-02-29", 12, "2025-02-28"},
	}
	for _, c := range cases {
		if got := MustDate(c.from).AddMonths(c.n).String(); got != c.want {
			t.Errorf("%s + %d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestDutchFormats(t *testing.T) {
	d := MustDate("2025-11-25")
	if d.Short() != "di 25 nov 2025" || d.Long() != "25 november 2025" || d.Compact() != "25 nov 2025" || d.DayMonth() != "25 nov" {
		t.Fatalf("formats: %q %q %q %q", d.Short(), d.Long(), d.Compact(), d.DayMonth())
	}
	for m := time.January; m <= time.December; m++ {
		if MonthName(m) == "" || MonthName(m) != MonthName(m) {
			t.Fatal("month name")
		}
	}
	if NewDate(2025, 3, 14).Long() != "14 maart 2025" {
		t.Fatal("maart")
	}
}

func TestDistance(t *testing.T) {
	today := MustDate("2025-11-25")
	cases := map[string]string{
		"2025-11-25": "vandaag",
		"2025-11-26": "morgen",
		"2025-12-01": "6 dagen",
		"2025-11-24": "verlopen (1 dag)",
		"2025-11-21": "verlopen (4 dagen)",
	}
	for d, want := range cases {
		if got := Distance(today, MustDate(d)); got != want {
			t.Errorf("Distance to %s = %q, want %q", d, got, want)
		}
	}
	// Across the change to winter time the count stays whole days.
	if n := MustDate("2025-10-20").DaysUntil(MustDate("2025-11-03")); n != 14 {
		t.Errorf("DaysUntil over DST = %d", n)
	}
}

func TestDateJSON(t *testing.T) {
	type x struct {
		D Date `json:"d"`
		Z Date `json:"z"`
	}
	b, _ := json.Marshal(x{D: MustDate("2025-03-14")})
	if string(b) != `{"d":"2025-03-14","z":null}` {
		t.Fatalf("json: %s", b)
	}
	var back x
	if err := json.Unmarshal(b, &back); err != nil || !back.D.Equal(MustDate("2025-03-14")) || !back.Z.IsZero() {
		t.Fatalf("unmarshal: %v %+v", err, back)
	}
	if err := json.Unmarshal([]byte(`{"d":"2025-02-30"}`), &back); err == nil {
		t.Fatal("impossible date accepted from JSON")
	}
}

func TestParseClock(t *testing.T) {
	cases := []struct {
		in   string
		want Clock
		ok   bool
	}{
		{"13:30", 810, true}, {"9:05", 545, true}, {"00:00", 0, true}, {"23:59", 1439, true}, {"13.30", 810, true},
		{"25:00", 0, false}, {"12:60", 0, false}, {"1330", 0, false}, {"", 0, false}, {"12:5", 0, false}, {"-1:00", 0, false},
	}
	for _, c := range cases {
		got, err := ParseClock(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseClock(%q) = %v, %v", c.in, got, err)
		}
	}
	if Clock(810).String() != "13:30" {
		t.Fatal("clock string")
	}
}
