package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/model/letter"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Inzicht reads the rows of one body (or of all bodies, bodyID 0) and computes the figures of period p
// with model/inzicht. It only reads, so it works the same on a coach copy.
func (s *Store) Inzicht(ctx context.Context, bodyID int64, p inzicht.Period, today model.Date) (inzicht.Figures, error) {
	in, err := s.inzichtInput(ctx, bodyID, p.Year)
	if err != nil {
		return inzicht.Figures{}, err
	}
	return inzicht.Compute(in, p, bodyID, today), nil
}

// bodyFilter is the WHERE clause part and arguments that select one body's rows, or every body's.
func bodyFilter(col string, bodyID int64) (string, []any) {
	if bodyID == 0 {
		return "", nil
	}
	return " AND " + col + " = ?", []any{bodyID}
}

func (s *Store) inzichtInput(ctx context.Context, bodyID int64, year int) (inzicht.Input, error) {
	var in inzicht.Input
	bodies, err := s.Bodies(ctx)
	if err != nil {
		return in, err
	}
	for _, b := range bodies {
		if bodyID == 0 || b.ID == bodyID {
			in.Bodies = append(in.Bodies, b)
		}
	}
	if bodyID != 0 && len(in.Bodies) == 0 {
		return in, model.ErrNotFound
	}
	steps := []func() error{
		func() (err error) { in.Meetings, err = s.inzichtMeetings(ctx, in.Bodies); return },
		func() (err error) { in.Actions, err = s.inzichtActions(ctx, bodyID); return },
		func() (err error) { in.Dossiers, err = s.inzichtDossiers(ctx, bodyID); return },
		func() (err error) { in.Letters, err = s.inzichtLetters(ctx, bodyID); return },
		func() (err error) { in.Impositions, err = s.inzichtImpositions(ctx, bodyID); return },
		func() (err error) { in.Members, err = s.inzichtMembers(ctx, bodyID, year); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return in, mapErr(err)
		}
	}
	return in, nil
}

// inzichtMeetings reads the meetings with their agenda due day from the term engine, per body with its
// own agenda term (the reglement may lengthen the 7 days).
func (s *Store) inzichtMeetings(ctx context.Context, bodies []model.Body) ([]inzicht.Meeting, error) {
	cal, err := s.holidayCalendar(ctx)
	if err != nil {
		return nil, err
	}
	out := []inzicht.Meeting{}
	for _, b := range bodies {
		days, err := s.AgendaDays(ctx, b.ID)
		if err != nil {
			return nil, err
		}
		rows, err := s.r.QueryContext(ctx, "SELECT "+meetingCols+" FROM meetings WHERE body_id = ? AND deleted_at IS NULL ORDER BY date, id", b.ID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			m, err := scanMeeting(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			im := inzicht.Meeting{Meeting: m}
			if m.Kind.HasAgendaTerm() {
				im.AgendaDue = termijn.Compute(termijn.AgendaRule(days), m.Date, cal).End
			}
			out = append(out, im)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Store) inzichtActions(ctx context.Context, bodyID int64) ([]model.Action, error) {
	where, args := bodyFilter("body_id", bodyID)
	rows, err := s.r.QueryContext(ctx, `SELECT id, body_id, description, owner, due, status, created_on, closed_on, postponed,
		imposition_id FROM actions WHERE deleted_at IS NULL`+where+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Action{}
	for rows.Next() {
		var a model.Action
		var due, created, closed sql.NullString
		var imp sql.NullInt64
		if err := rows.Scan(&a.ID, &a.BodyID, &a.Description, &a.Owner, &due, &a.Status, &created, &closed, &a.Postponed, &imp); err != nil {
			return nil, err
		}
		a.Due, a.Created, a.Closed, a.ImpositionID = scanDate(due), scanDate(created), scanDate(closed), imp.Int64
		out = append(out, a)
	}
	return out, rows.Err()
}

func (s *Store) inzichtDossiers(ctx context.Context, bodyID int64) ([]dossier.Dossier, error) {
	where, args := bodyFilter("body_id", bodyID)
	rows, err := s.r.QueryContext(ctx, `SELECT id, body_id, kind, title, status, started_on, imposition_id FROM dossiers
		WHERE deleted_at IS NULL`+where+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	out := []dossier.Dossier{}
	index := map[int64]int{}
	for rows.Next() {
		var d dossier.Dossier
		var started sql.NullString
		var imp sql.NullInt64
		if err := rows.Scan(&d.ID, &d.BodyID, &d.Kind, &d.Title, &d.Status, &started, &imp); err != nil {
			rows.Close()
			return nil, err
		}
		d.StartedOn, d.ImpositionID, d.Events = scanDate(started), imp.Int64, []dossier.Event{}
		index[d.ID] = len(out)
		out = append(out, d)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, err
	}
	where, args = bodyFilter("d.body_id", bodyID)
	evs, err := s.r.QueryContext(ctx, "SELECT "+eventCols+` FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
		WHERE e.deleted_at IS NULL AND d.deleted_at IS NULL`+where+" ORDER BY e.date, e.id", args...)
	if err != nil {
		return nil, err
	}
	defer evs.Close()
	for evs.Next() {
		e, err := scanEvent(evs)
		if err != nil {
			return nil, err
		}
		if i, ok := index[e.DossierID]; ok {
			out[i].Events = append(out[i].Events, e)
		}
	}
	return out, evs.Err()
}

func (s *Store) inzichtLetters(ctx context.Context, bodyID int64) ([]inzicht.Letter, error) {
	where, args := bodyFilter("body_id", bodyID)
	rows, err := s.r.QueryContext(ctx, `SELECT id, body_id, template, status, sent_on, imposition_id FROM letters
		WHERE deleted_at IS NULL`+where+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []inzicht.Letter{}
	for rows.Next() {
		var l inzicht.Letter
		var sent sql.NullString
		var imp sql.NullInt64
		if err := rows.Scan(&l.ID, &l.BodyID, &l.Template, &l.Status, &sent, &imp); err != nil {
			return nil, err
		}
		l.SentOn, l.ImpositionID, l.TemplateName = scanDate(sent), imp.Int64, l.Template
		if t, ok := letter.Default(l.Template); ok {
			l.TemplateName = t.Name
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func (s *Store) inzichtImpositions(ctx context.Context, bodyID int64) ([]model.Imposition, error) {
	where, args := bodyFilter("body_id", bodyID)
	rows, err := s.r.QueryContext(ctx, "SELECT "+impositionCols+" FROM impositions WHERE 1 = 1"+where+" ORDER BY id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []model.Imposition{}
	for rows.Next() {
		i, err := scanImposition(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

// inzichtMembers reads the members with their training days of year. A commission member whose name
// is also on the member list of an OR or COR counts as an OR member (art 18: the OR minimum applies).
func (s *Store) inzichtMembers(ctx context.Context, bodyID int64, year int) ([]inzicht.Member, error) {
	where, args := bodyFilter("m.body_id", bodyID)
	rows, err := s.r.QueryContext(ctx, `SELECT m.id, m.body_id, m.name, m.role, m.email, m.term_start, m.term_end, m.commission,
		b.kind, COALESCE(t.days, 0),
		EXISTS (SELECT 1 FROM members o JOIN bodies ob ON ob.id = o.body_id WHERE ob.kind IN ('or','cor')
			AND o.deleted_at IS NULL AND ob.deleted_at IS NULL AND lower(trim(o.name)) = lower(trim(m.name)))
		FROM members m JOIN bodies b ON b.id = m.body_id
		LEFT JOIN training t ON t.member_id = m.id AND t.year = ?
		WHERE m.deleted_at IS NULL AND b.deleted_at IS NULL`+where+" ORDER BY m.body_id, m.name", append([]any{year}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []inzicht.Member{}
	for rows.Next() {
		var m inzicht.Member
		var start, end sql.NullString
		var commission, alsoOR int
		if err := rows.Scan(&m.ID, &m.BodyID, &m.Name, &m.Role, &m.Email, &start, &end, &commission, &m.BodyKind,
			&m.TrainingDays, &alsoOR); err != nil {
			return nil, err
		}
		m.TermStart, m.TermEnd, m.Commission = scanDate(start), scanDate(end), commission == 1
		m.AlsoOR = alsoOR == 1 && m.BodyKind != model.KindOR && m.BodyKind != model.KindCOR
		out = append(out, m)
	}
	return out, rows.Err()
}

// Jaarverslag gathers the content of a body's annual report for year (art 14 lid 2 sub h WOR), without
// anything under a withheld imposition (model.Imposition.Withheld on today).
func (s *Store) Jaarverslag(ctx context.Context, bodyID int64, year int, today model.Date) (inzicht.Annual, error) {
	if year < 1900 || year > 2200 {
		return inzicht.Annual{}, model.Invalid("year", fmt.Sprintf("%d is geen jaartal", year))
	}
	in, err := s.inzichtInput(ctx, bodyID, year)
	if err != nil {
		return inzicht.Annual{}, err
	}
	if bodyID == 0 || len(in.Bodies) != 1 {
		return inzicht.Annual{}, model.Invalid("body", "een jaarverslag is van één orgaan")
	}
	return inzicht.BuildAnnual(in, in.Bodies[0], year, today), nil
}

// jvName is a member's name as the jaarverslag prints it.
func jvName(s string) string { return strings.Join(strings.Fields(s), " ") }
