package termijn

import (
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

var d = model.MustDate

func TestEaster(t *testing.T) {
	for _, tc := range []struct {
		year int
		want string
	}{
		{1913, "1913-03-23"},
		{1943, "1943-04-25"}, // latest possible date
		{2000, "2000-04-23"},
		{2008, "2008-03-23"},
		{2019, "2019-04-21"},
		{2024, "2024-03-31"},
		{2025, "2025-04-20"},
		{2026, "2026-04-05"},
		{2027, "2027-03-28"},
		{2038, "2038-04-25"}, // latest possible date
	} {
		if got := Easter(tc.year); !got.Equal(d(tc.want)) {
			t.Errorf("Easter(%d) = %s, want %s", tc.year, got, tc.want)
		}
	}
}

func TestHolidays(t *testing.T) {
	for _, tc := range []struct {
		year int
		want []Holiday
	}{
		{2024, []Holiday{
			{"Nieuwjaarsdag", d("2024-01-01")},
			{"Tweede Paasdag", d("2024-04-01")},
			{"Koningsdag", d("2024-04-27")}, // a Saturday, but not a Sunday: stays
			{"Bevrijdingsdag", d("2024-05-05")},
			{"Hemelvaartsdag", d("2024-05-09")},
			{"Tweede Pinksterdag", d("2024-05-20")},
			{"Eerste Kerstdag", d("2024-12-25")},
			{"Tweede Kerstdag", d("2024-12-26")},
		}},
		{2025, []Holiday{
			{"Nieuwjaarsdag", d("2025-01-01")},
			{"Tweede Paasdag", d("2025-04-21")},
			{"Koningsdag", d("2025-04-26")}, // 27 April 2025 is a Sunday
			{"Bevrijdingsdag", d("2025-05-05")},
			{"Hemelvaartsdag", d("2025-05-29")},
			{"Tweede Pinksterdag", d("2025-06-09")},
			{"Eerste Kerstdag", d("2025-12-25")},
			{"Tweede Kerstdag", d("2025-12-26")},
		}},
		{2026, []Holiday{
			{"Nieuwjaarsdag", d("2026-01-01")},
			{"Tweede Paasdag", d("2026-04-06")},
			{"Koningsdag", d("2026-04-27")},
			{"Bevrijdingsdag", d("2026-05-05")},
			{"Hemelvaartsdag", d("2026-05-14")},
			{"Tweede Pinksterdag", d("2026-05-25")},
			{"Eerste Kerstdag", d("2026-12-25")},
			{"Tweede Kerstdag", d("2026-12-26")},
		}},
		{2016, []Holiday{ // Hemelvaartsdag on 5 mei: both kept
			{"Nieuwjaarsdag", d("2016-01-01")},
			{"Tweede Paasdag", d("2016-03-28")},
			{"Koningsdag", d("2016-04-27")},
			{"Bevrijdingsdag", d("2016-05-05")},
			{"Hemelvaartsdag", d("2016-05-05")},
			{"Tweede Pinksterdag", d("2016-05-16")},
			{"Eerste Kerstdag", d("2016-12-25")},
			{"Tweede Kerstdag", d("2016-12-26")},
		}},
	} {
		got := Holidays(tc.year)
		if len(got) != len(tc.want) {
			t.Fatalf("Holidays(%d) has %d days, want %d: %v", tc.year, len(got), len(tc.want), got)
		}
		for i := range got {
			if got[i].Name != tc.want[i].Name || !got[i].Date.Equal(tc.want[i].Date) {
				t.Errorf("Holidays(%d)[%d] = %s %s, want %s %s", tc.year, i, got[i].Name, got[i].Date,
					tc.want[i].Name, tc.want[i].Date)
			}
		}
	}
}

func TestKingsDay(t *testing.T) {
	for _, tc := range []struct {
		year       int
		name, date string
	}{
		{2014, "Koningsdag", "2014-04-26"}, // 27 April 2014 was a Sunday
		{2025, "Koningsdag", "2025-04-26"},
		{2026, "Koningsdag", "2026-04-27"},
		{2013, "Koninginnedag", "2013-04-30"},
		{2006, "Koninginnedag", "2006-04-29"}, // 30 April 2006 was a Sunday
	} {
		h := kingsDay(tc.year)
		if h.Name != tc.name || !h.Date.Equal(d(tc.date)) {
			t.Errorf("kingsDay(%d) = %s %s, want %s %s", tc.year, h.Name, h.Date, tc.name, tc.date)
		}
	}
}

func TestCalendar(t *testing.T) {
	cal := Calendar{Extra: []Holiday{{"vrijdag na Hemelvaartsdag", d("2025-05-30")}}}
	for _, tc := range []struct {
		date    string
		holiday string // "" for none
		working bool
	}{
		{"2025-04-18", "", true}, // Goede Vrijdag: not in the default list
		{"2025-04-21", "Tweede Paasdag", false},
		{"2025-04-26", "Koningsdag", false},
		{"2025-04-27", "", false}, // a Sunday, not Koningsdag
		{"2025-04-28", "", true},
		{"2025-05-05", "Bevrijdingsdag", false},
		{"2025-05-29", "Hemelvaartsdag", false},
		{"2025-05-30", "vrijdag na Hemelvaartsdag", false},
		{"2025-06-09", "Tweede Pinksterdag", false},
		{"2025-12-25", "Eerste Kerstdag", false},
		{"2025-12-26", "Tweede Kerstdag", false},
		{"2025-12-27", "", false},
		{"2025-12-29", "", true},
		{"2026-01-01", "Nieuwjaarsdag", false},
	} {
		h, ok := cal.IsHoliday(d(tc.date))
		if ok != (tc.holiday != "") || h.Name != tc.holiday {
			t.Errorf("IsHoliday(%s) = %q %v, want %q", tc.date, h.Name, ok, tc.holiday)
		}
		if got := cal.IsWorkingDay(d(tc.date)); got != tc.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.date, got, tc.working)
		}
	}
	if _, ok := (Calendar{}).IsHoliday(d("2025-05-30")); ok {
		t.Error("an empty calendar knows the added day")
	}
	if got := cal.HolidaysIn(2025); len(got) != 9 || got[5].Name != "vrijdag na Hemelvaartsdag" {
		t.Errorf("HolidaysIn(2025) = %v", got)
	}
	if got := cal.HolidaysIn(2026); len(got) != 8 {
		t.Errorf("HolidaysIn(2026) holds an added day of 2025: %v", got)
	}
	if gf := GoodFriday(2024); gf.Name != "Goede Vrijdag" || !gf.Date.Equal(d("2024-03-29")) {
		t.Errorf("GoodFriday(2024) = %v", gf)
	}
}

func TestValidateHoliday(t *testing.T) {
	for _, tc := range []struct {
		h     Holiday
		field string
	}{
		{Holiday{"vrijdag na Hemelvaartsdag", d("2025-05-30")}, ""},
		{Holiday{" ", d("2025-05-30")}, "name"},
		{Holiday{"brugdag", model.Date{}}, "date"},
	} {
		checkField(t, ValidateHoliday(tc.h), tc.field)
	}
}
