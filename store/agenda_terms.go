package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func agendaDaysKey(bodyID int64) string { return fmt.Sprintf("agenda_days.%d", bodyID) }

// AgendaDays is how many days before a meeting its agenda must go out for a body: the statutory 7 of
// art 14 lid 2 sub g WOR unless the reglement (set in the settings) says more.
func (s *Store) AgendaDays(ctx context.Context, bodyID int64) (int, error) {
	v, err := s.Setting(ctx, agendaDaysKey(bodyID), "")
	if err != nil || v == "" {
		return termijn.DefaultAgendaDays, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < termijn.DefaultAgendaDays {
		return termijn.DefaultAgendaDays, nil
	}
	return n, nil
}

// SetAgendaDays stores the reglement's agenda term; the law's 7 days is the minimum.
func (s *Store) SetAgendaDays(ctx context.Context, bodyID int64, days int) error {
	if days < termijn.DefaultAgendaDays || days > 60 {
		return model.Invalid("agenda_days", fmt.Sprintf("kies %d tot 60 dagen (art 14 lid 2 sub g WOR: ten minste %d)", termijn.DefaultAgendaDays, termijn.DefaultAgendaDays))
	}
	return s.SetSetting(ctx, agendaDaysKey(bodyID), strconv.Itoa(days))
}

// holidayCalendar is the Atw calendar with the days the user added.
func (s *Store) holidayCalendar(ctx context.Context) (termijn.Calendar, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT date, name FROM extra_holidays ORDER BY date")
	if err != nil {
		return termijn.Calendar{}, mapErr(err)
	}
	defer rows.Close()
	var cal termijn.Calendar
	for rows.Next() {
		var d, name string
		if err := rows.Scan(&d, &name); err != nil {
			return cal, err
		}
		if date, err := model.ParseDate(d); err == nil {
			cal.Extra = append(cal.Extra, termijn.Holiday{Name: name, Date: date})
		}
	}
	return cal, mapErr(rows.Err())
}

// termOf computes a meeting's agenda term with the term engine.
func termOf(m model.Meeting, days int, cal termijn.Calendar, today model.Date) model.AgendaTerm {
	var t model.AgendaTerm
	if m.Kind.HasAgendaTerm() {
		dl := termijn.Compute(termijn.AgendaRule(days), m.Date, cal)
		t.Due, t.Note, t.Article = dl.End, dl.Note, dl.Article
		if m.Kind == model.MeetingOV {
			t.Article = "gebruik bij de overlegvergadering (art 23a WOR): een week vooraf"
		}
	}
	t.State, t.Late, t.Warning = model.AgendaState(m, t.Due, today)
	if m.Kind == model.MeetingOV && !m.OVRequested.IsZero() {
		if dl, err := termijn.Calc(termijn.WOR, termijn.CodeOVVerzoek, m.OVRequested, cal); err == nil {
			t.OVDue = dl.End
			t.OVWarning = model.OVRequestWarning(m, dl.End)
		}
	}
	return t
}

// MeetingTerm computes one meeting's agenda term for today.
func (s *Store) MeetingTerm(ctx context.Context, m model.Meeting, today model.Date) (model.AgendaTerm, error) {
	days, cal, err := s.agendaTermInputs(ctx, m.BodyID)
	if err != nil {
		return model.AgendaTerm{}, err
	}
	return termOf(m, days, cal, today), nil
}

// MeetingRows lists a body's meetings for the meeting list: upcoming ones first (soonest first), then
// past ones (latest first), each with its agenda term and the size of its agenda.
func (s *Store) MeetingRows(ctx context.Context, bodyID int64, today model.Date) ([]model.MeetingRow, error) {
	days, cal, err := s.agendaTermInputs(ctx, bodyID)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+prefixed("m.", meetingCols)+`,
			(SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL),
			(SELECT coalesce(sum(minutes), 0) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL)
		FROM meetings m WHERE m.body_id = ? AND m.deleted_at IS NULL
		ORDER BY m.date < ?, CASE WHEN m.date >= ? THEN m.date END, m.date DESC, m.start_min, m.id`, bodyID, today.String(), today.String())
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.MeetingRow{}
	for rows.Next() {
		var r model.MeetingRow
		var extra [2]int
		m, err := scanMeeting(scanPlus{rows, []any{&extra[0], &extra[1]}})
		if err != nil {
			return nil, err
		}
		r.Meeting, r.Items, r.Minutes = m, extra[0], extra[1]
		r.Term = termOf(m, days, cal, today)
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

// scanPlus scans a row's leading columns with the wrapped scanner and the trailing ones into extra.
type scanPlus struct {
	rows  *sql.Rows
	extra []any
}

func (p scanPlus) Scan(dest ...any) error { return p.rows.Scan(append(dest, p.extra...)...) }

func prefixed(p, cols string) string {
	out := ""
	for i, c := range splitCols(cols) {
		if i > 0 {
			out += ", "
		}
		out += p + c
	}
	return out
}

func splitCols(cols string) []string {
	var out []string
	cur := ""
	for _, r := range cols {
		switch r {
		case ',':
			out = append(out, cur)
			cur = ""
		case ' ', '\n', '\t':
		default:
			cur += string(r)
		}
	}
	return append(out, cur)
}

// Art24Count counts a body's overlegvergaderingen on the algemene gang van zaken (art 24 WOR) in a
// calendar year: held (status gehouden, or dated before today and not cancelled) and still planned.
func (s *Store) Art24Count(ctx context.Context, bodyID int64, year int, today model.Date) (held, planned int, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT
			coalesce(sum(CASE WHEN status = 'gehouden' OR date < ? THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN status <> 'gehouden' AND date >= ? THEN 1 ELSE 0 END), 0)
		FROM meetings WHERE body_id = ? AND kind = 'overlegvergadering' AND art24 = 1 AND status <> 'geannuleerd'
		AND deleted_at IS NULL AND substr(date, 1, 4) = ?`, today.String(), today.String(), bodyID, fmt.Sprintf("%04d", year)).Scan(&held, &planned)
	return held, planned, mapErr(err)
}

// AgendaDeadline is a meeting's agenda due date as the term engine computes it, with its source, in the
// deadline shape every JSON output shares; ok is false for kinds without an agenda term.
func (s *Store) AgendaDeadline(ctx context.Context, m model.Meeting) (d termijn.Deadline, ok bool, err error) {
	if !m.Kind.HasAgendaTerm() {
		return d, false, nil
	}
	days, cal, err := s.agendaTermInputs(ctx, m.BodyID)
	if err != nil {
		return d, false, err
	}
	return termijn.Compute(termijn.AgendaRule(days), m.Date, cal), true, nil
}

// agendaTermInputs is what an agenda term of a body is computed from: the days before a meeting the
// agenda must go out (a setting of the body) and the calendar of holidays.
func (s *Store) agendaTermInputs(ctx context.Context, bodyID int64) (int, termijn.Calendar, error) {
	days, err := s.AgendaDays(ctx, bodyID)
	if err != nil {
		return 0, termijn.Calendar{}, err
	}
	cal, err := s.holidayCalendar(ctx)
	return days, cal, err
}
