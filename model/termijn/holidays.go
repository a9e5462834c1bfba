package termijn

import (
	"slices"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
)

// Holiday is a day on which a statutory term cannot end (Atw art 1): a holiday of Atw art 3, or a day the
// user added because it was equated with one by decree (Atw art 3 lid 3).
type Holiday struct {
	Name string     `json:"name"`
	Date model.Date `json:"date"`
}

// Easter returns Easter Sunday of year by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(year int) model.Date {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return model.NewDate(year, time.Month(month), day)
}

// Holidays returns the algemeen erkende feestdagen of Atw art 3 lid 1 in year, in date order.
//
// Goede Vrijdag is left out as the project decided. Note that Atw art 3 lid 2 does equate it with these
// days for the Atw; leaving it out can only end a term earlier, never later, which is the safe side for
// the council's own acts. A user who wants it counted adds GoodFriday(year) to Calendar.Extra.
func Holidays(year int) []Holiday {
	easter := Easter(year)
	hs := []Holiday{
		{"Nieuwjaarsdag", model.NewDate(year, time.January, 1)},
		{"Tweede Paasdag", easter.AddDays(1)},
		kingsDay(year),
		{"Bevrijdingsdag", model.NewDate(year, time.May, 5)},
		{"Hemelvaartsdag", easter.AddDays(39)},
		{"Tweede Pinksterdag", easter.AddDays(50)},
		{"Eerste Kerstdag", model.NewDate(year, time.December, 25)},
		{"Tweede Kerstdag", model.NewDate(year, time.December, 26)},
	}
	// Hemelvaartsdag can fall on 5 mei (2016, 2157): a stable sort keeps both, Bevrijdingsdag first.
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// GoodFriday returns Goede Vrijdag of year, for users who want it in their Calendar (see Holidays).
func GoodFriday(year int) Holiday {
	return Holiday{"Goede Vrijdag", Easter(year).AddDays(-2)}
}

// kingsDay is "the day on which the King's birthday is celebrated" (Atw art 3). Since 2014 that is
// 27 April, or the 26th when the 27th is a Sunday; before, Koninginnedag on 30 April, moved to the 29th
// when the 30th was a Sunday (the rule since 1980; earlier years are not needed for open dossiers).
func kingsDay(year int) Holiday {
	if year >= 2014 {
		d := model.NewDate(year, time.April, 27)
		if d.Weekday() == time.Sunday {
			d = d.AddDays(-1)
		}
		return Holiday{"Koningsdag", d}
	}
	d := model.NewDate(year, time.April, 30)
	if d.Weekday() == time.Sunday {
		d = d.AddDays(-1)
	}
	return Holiday{"Koninginnedag", d}
}

// Calendar is the holiday calendar a body uses: the Atw holidays plus the days the user added. It is plain
// data so the settings screen can edit it and the store can keep it.
type Calendar struct {
	Extra []Holiday `json:"extra"`
}

// IsHoliday reports whether d is an Atw holiday or an added day, and which.
func (c Calendar) IsHoliday(d model.Date) (Holiday, bool) {
	if d.IsZero() {
		return Holiday{}, false
	}
	for _, h := range Holidays(d.Year()) {
		if h.Date.Equal(d) {
			return h, true
		}
	}
	for _, h := range c.Extra {
		if h.Date.Equal(d) {
			return h, true
		}
	}
	return Holiday{}, false
}

// IsWorkingDay reports whether d is neither a Saturday, a Sunday nor a holiday: the days on which a
// statutory term may end (Atw art 1).
func (c Calendar) IsWorkingDay(d model.Date) bool {
	if d.IsWeekend() {
		return false
	}
	_, hol := c.IsHoliday(d)
	return !hol
}

// HolidaysIn returns the Atw holidays and the added days of year, in date order.
func (c Calendar) HolidaysIn(year int) []Holiday {
	hs := Holidays(year)
	for _, h := range c.Extra {
		if h.Date.Year() == year {
			hs = append(hs, h)
		}
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// ValidateHoliday checks a day the user wants to add to the calendar.
func ValidateHoliday(h Holiday) error {
	if strings.TrimSpace(h.Name) == "" {
		return model.Invalid("name", "geef de dag een naam, bijvoorbeeld \"vrijdag na Hemelvaartsdag\"")
	}
	if h.Date.IsZero() {
		return model.Invalid("date", "vul de datum van de gelijkgestelde dag in")
	}
	return nil
}

// whatDay names what makes d a non-working day, for notes: "Tweede Paasdag", "een zaterdag"; "" for a
// working day.
func (c Calendar) whatDay(d model.Date) string {
	if h, ok := c.IsHoliday(d); ok {
		return h.Name
	}
	if d.IsWeekend() {
		return "een " + model.DayName(d.Weekday())
	}
	return ""
}
