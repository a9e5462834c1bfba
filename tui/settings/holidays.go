package settings

import (
	"context"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Feestdagen in Instellingen: the Atw holidays of this year and the next, which werkbank computes, and
// the days the user equated with them (Atw art 3: days declared equal by decree). Every legal term
// counts with both.

// HolidayStore is what Feestdagen needs.
type HolidayStore interface {
	ExtraHolidays(ctx context.Context) ([]termijn.Holiday, error)
	AddHoliday(ctx context.Context, h termijn.Holiday) error
	DeleteHoliday(ctx context.Context, date model.Date) error
}

// secHolidays is the last section, whatever sections come before it.
var secHolidays = section(len(sectionNames))

func init() { sectionNames = append(sectionNames, "Feestdagen") }

type holidaysMsg struct {
	list []termijn.Holiday
	err  error
}

func loadHolidays(st HolidayStore) tea.Cmd {
	return func() tea.Msg {
		list, err := st.ExtraHolidays(context.Background())
		return holidaysMsg{list, err}
	}
}

// holidayRow is one day in the list: computed by law or added by the user.
type holidayRow struct {
	termijn.Holiday
	added bool
}

// holidayRows lists this year's and next year's days in date order, the added ones marked.
func (m *Model) holidayRows() []holidayRow {
	year := m.c.Today().Year()
	cal := termijn.Calendar{Extra: m.holidays}
	var out []holidayRow
	for y := year; y <= year+1; y++ {
		for _, h := range cal.HolidaysIn(y) {
			added := false
			for _, x := range m.holidays {
				added = added || x == h
			}
			out = append(out, holidayRow{h, added})
		}
	}
	// Added days in other years stay visible, so they can be removed.
	for _, x := range m.holidays {
		if y := x.Date.Year(); y < year || y > year+1 {
			out = append(out, holidayRow{x, true})
		}
	}
	return out
}

func (m *Model) viewHolidays(b *strings.Builder) {
	s := m.c.Styles
	b.WriteString(s.Muted.Render("   Eindigt een wettelijke termijn op een weekend- of feestdag, dan loopt hij door (Atw art 1).") + "\n")
	b.WriteString(s.Muted.Render("   n: gelijkgestelde dag toevoegen (Atw art 3), bijv. vrijdag na Hemelvaartsdag of Goede Vrijdag.") + "\n")
	rows := m.holidayRows()
	end := min(m.cur.Offset+m.listRows()-2, len(rows))
	for i := m.cur.Offset; i < end; i++ {
		h := rows[i]
		source := "Atw art 3"
		if h.added {
			source = "toegevoegd (gelijkgesteld)"
		}
		m.row(b, i, fmt.Sprintf("%-17s %-28s %s", h.Date.Short(), h.Name, source))
	}
}

// openHolidayForm asks for the name and date of an equated day.
func (m *Model) openHolidayForm() {
	m.form = form.New(m.c, "holiday", "Gelijkgestelde dag toevoegen",
		form.Text("name", "Naam", "", form.Required("naam")).WithHint("bijvoorbeeld: vrijdag na Hemelvaartsdag"),
		form.Text("date", "Datum", "", form.Date("datum", false)).WithHint("JJJJ-MM-DD of DD-MM-JJJJ"))
	m.form.SetWidth(m.width)
	m.formTarget = termijn.Holiday{}
}

func (m *Model) saveHoliday(v map[string]string) tea.Cmd {
	h := termijn.Holiday{Name: v["name"], Date: date(v["date"])}
	st := m.st
	return func() tea.Msg {
		return savedMsg{text: h.Name + " toegevoegd; termijnen tellen er nu mee", err: st.AddHoliday(context.Background(), h)}
	}
}

// deleteHoliday removes an added day (to the prullenbak); a day of the law itself cannot go.
func (m *Model) deleteHoliday() tea.Cmd {
	rows := m.holidayRows()
	if m.cur.Index >= len(rows) {
		return nil
	}
	h := rows[m.cur.Index]
	if !h.added {
		return func() tea.Msg {
			return savedMsg{err: model.Invalid("date", h.Name+" staat in de wet (Atw art 3) en kan niet weg")}
		}
	}
	st := m.st
	return func() tea.Msg {
		return savedMsg{text: h.Name + " naar de prullenbak", err: st.DeleteHoliday(context.Background(), h.Date)}
	}
}

func (m *Model) holidaysLoaded(msg holidaysMsg) (*Model, tea.Cmd) {
	if msg.err != nil {
		return m, common.Error(msg.err)
	}
	m.holidays = msg.list
	m.cur.Clamp(m.rowCount(), m.listRows())
	return m, nil
}
