package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// The meeting list is two runs: the upcoming meetings (today on, soonest first) and then the past ones
// (latest first). Each run is read in the order of the meetings_body_date index, so a window costs its
// own rows and never the whole history.

var meetingRowCols = prefixed("m.", meetingCols) + `,
	(SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL),
	(SELECT coalesce(sum(minutes), 0) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL)`

const (
	upcomingOrder = " ORDER BY m.date, m.start_min, m.id"
	pastOrder     = " ORDER BY m.date DESC, m.start_min, m.id"
)

// MeetingPage is a window of MeetingRows: limit rows from offset on, in the same order, with the size of
// the whole list, how many of its meetings are late and the next meeting to prepare.
func (s *Store) MeetingPage(ctx context.Context, bodyID int64, today model.Date, offset, limit int) (model.MeetingPage, error) {
	var p model.MeetingPage
	days, cal, err := s.agendaTermInputs(ctx, bodyID)
	if err != nil {
		return p, err
	}
	var upcoming, past int
	err = s.r.QueryRowContext(ctx, `SELECT coalesce(sum(date >= ?1), 0), coalesce(sum(date < ?1), 0) FROM meetings
		WHERE body_id = ?2 AND deleted_at IS NULL`, today.String(), bodyID).Scan(&upcoming, &past)
	if err != nil {
		return p, mapErr(err)
	}
	p.Total = upcoming + past
	p.Offset = min(max(offset, 0), p.Total)
	p.Rows = []model.MeetingRow{}
	end := min(p.Offset+max(limit, 0), p.Total)
	if p.Offset < upcoming {
		rows, err := s.meetingRun(ctx, "m.date >= ?", upcomingOrder, bodyID, today, days, cal, p.Offset, min(end, upcoming)-p.Offset)
		if err != nil {
			return p, err
		}
		p.Rows = append(p.Rows, rows...)
	}
	if end > upcoming {
		from := max(p.Offset, upcoming)
		rows, err := s.meetingRun(ctx, "m.date < ?", pastOrder, bodyID, today, days, cal, from-upcoming, end-from)
		if err != nil {
			return p, err
		}
		p.Rows = append(p.Rows, rows...)
	}
	if p.Late, err = s.lateMeetings(ctx, bodyID, today, days, cal); err != nil {
		return p, err
	}
	next, err := scanMeeting(s.r.QueryRowContext(ctx, "SELECT "+meetingCols+` FROM meetings WHERE body_id = ? AND deleted_at IS NULL
		AND date >= ? AND status NOT IN ('gehouden', 'geannuleerd') ORDER BY date, start_min, id LIMIT 1`, bodyID, today.String()))
	switch {
	case err == nil:
		p.Next = next
	case !errors.Is(err, sql.ErrNoRows):
		return p, mapErr(err)
	}
	return p, nil
}

// meetingRun reads n rows of one run of the list (its condition and order) from off on.
func (s *Store) meetingRun(ctx context.Context, cond, order string, bodyID int64, today model.Date, days int, cal termijn.Calendar,
	off, n int) ([]model.MeetingRow, error) {
	// The window is cut first and only its rows count their agenda items: OFFSET would count them for every
	// row it skips.
	rows, err := s.r.QueryContext(ctx, "SELECT "+meetingRowCols+" FROM (SELECT * FROM meetings m WHERE m.body_id = ? AND m.deleted_at IS NULL AND "+
		cond+order+" LIMIT ? OFFSET ?) m"+order, bodyID, today.String(), n, off)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.MeetingRow{}
	for rows.Next() {
		var r model.MeetingRow
		m, err := scanMeeting(scanPlus{rows, []any{&r.Items, &r.Minutes}})
		if err != nil {
			return nil, err
		}
		r.Meeting, r.Term = m, termOf(m, days, cal, today)
		out = append(out, r)
	}
	return out, mapErr(rows.Err())
}

// lateMeetings counts the meetings whose agenda is overdue or went out late. The agenda term counts back
// calendar days and the Atw never moves a backward term (termijn.Compute), so the due date is the meeting
// date minus days: the query only reads the meetings that can be late (sent after that day, or not sent
// and still to come) and the term engine decides each of them.
func (s *Store) lateMeetings(ctx context.Context, bodyID int64, today model.Date, days int, cal termijn.Calendar) (int, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+meetingCols+` FROM meetings WHERE body_id = ? AND deleted_at IS NULL
		AND status <> 'geannuleerd' AND (agenda_sent > date(date, ?) OR agenda_sent IS NULL AND date >= ?)`,
		bodyID, fmt.Sprintf("-%d days", days), today.String())
	if err != nil {
		return 0, mapErr(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return 0, err
		}
		if termOf(m, days, cal, today).Late {
			n++
		}
	}
	return n, mapErr(rows.Err())
}

// MeetingPosition is where a meeting stands in the body's meeting list (MeetingRows' order), so a view
// can page to it after a save moved it.
func (s *Store) MeetingPosition(ctx context.Context, bodyID int64, today model.Date, id int64) (int, error) {
	m, err := s.Meeting(ctx, id)
	if err != nil {
		return 0, err
	}
	var n int
	if !m.Date.Before(today) {
		err = s.r.QueryRowContext(ctx, `SELECT count(*) FROM meetings WHERE body_id = ? AND deleted_at IS NULL AND date >= ?
			AND (date, start_min, id) < (?, ?, ?)`, bodyID, today.String(), m.Date.String(), m.Start, m.ID).Scan(&n)
		return n, mapErr(err)
	}
	err = s.r.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM meetings WHERE body_id = ?1 AND deleted_at IS NULL AND date >= ?2)
		+ (SELECT count(*) FROM meetings WHERE body_id = ?1 AND deleted_at IS NULL AND date < ?2
			AND (date > ?3 OR date = ?3 AND (start_min, id) < (?4, ?5)))`,
		bodyID, today.String(), m.Date.String(), m.Start, m.ID).Scan(&n)
	return n, mapErr(err)
}

// PreviousMeeting is the latest meeting of a kind before a day that has a chair, other than except:
// the Agenda view gives a new overlegvergadering to whoever did not chair the last one. model.ErrNotFound when there is none.
func (s *Store) PreviousMeeting(ctx context.Context, bodyID int64, kind model.MeetingKind, before model.Date, except int64) (model.Meeting, error) {
	m, err := scanMeeting(s.r.QueryRowContext(ctx, "SELECT "+meetingCols+` FROM meetings WHERE body_id = ? AND kind = ?
		AND date < ? AND id <> ? AND chair <> '' AND deleted_at IS NULL ORDER BY date DESC, start_min DESC, id DESC LIMIT 1`,
		bodyID, kind, before.String(), except))
	return m, mapErr(err)
}
