package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

type queryRower interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// AgendaTemplate returns the default agenda of a meeting kind for a body: the AS's own version when there
// is one (custom true), else the built-in one.
func (s *Store) AgendaTemplate(ctx context.Context, bodyID int64, kind model.MeetingKind) ([]model.TemplateItem, bool, error) {
	items, err := readTemplate(ctx, s.r, bodyID, kind)
	if err != nil {
		return nil, false, mapErr(err)
	}
	if len(items) == 0 {
		return model.DefaultTemplate(kind), false, nil
	}
	return items, true, nil
}

func readTemplate(ctx context.Context, q queryRower, bodyID int64, kind model.MeetingKind) ([]model.TemplateItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT title, purpose, presenter, minutes, role FROM agenda_templates
		WHERE body_id = ? AND kind = ? ORDER BY position`, bodyID, kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.TemplateItem
	for rows.Next() {
		var t model.TemplateItem
		if err := rows.Scan(&t.Title, &t.Purpose, &t.Presenter, &t.Minutes, &t.Role); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveAgendaTemplate replaces a kind's default agenda for a body, all lines or none. An empty list goes
// back to the built-in template.
func (s *Store) SaveAgendaTemplate(ctx context.Context, bodyID int64, kind model.MeetingKind, items []model.TemplateItem) error {
	if err := (model.Meeting{Kind: kind, Date: model.NewDate(2000, 1, 1), Start: 0, End: 1}).Validate(); err != nil {
		return err
	}
	for _, t := range items {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM agenda_templates WHERE body_id = ? AND kind = ?", bodyID, kind); err != nil {
			return err
		}
		for i, t := range items {
			if t.Purpose == "" {
				t.Purpose = model.PurposeInformatie
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO agenda_templates (body_id, kind, position, title, purpose, presenter, minutes, role)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, bodyID, kind, i+1, t.Title, t.Purpose, t.Presenter, t.Minutes, t.Role); err != nil {
				return err
			}
		}
		return nil
	})
}

// NewMeeting creates a meeting whose agenda starts from its kind's template, in one transaction.
func (s *Store) NewMeeting(ctx context.Context, m model.Meeting) (model.Meeting, error) {
	if m.Status == "" {
		m.Status = model.MeetingConcept
	}
	if err := checkMeeting(m); err != nil {
		return m, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		tpl, err := templateIn(ctx, tx, m.BodyID, m.Kind)
		if err != nil {
			return err
		}
		m, err = s.insertMeeting(ctx, tx, m, 0, model.TemplateItems(tpl, m))
		return err
	})
	return m, err
}

func templateIn(ctx context.Context, tx *sql.Tx, bodyID int64, kind model.MeetingKind) ([]model.TemplateItem, error) {
	tpl, err := readTemplate(ctx, tx, bodyID, kind)
	if err != nil || len(tpl) > 0 {
		return tpl, err
	}
	return model.DefaultTemplate(kind), nil
}

// PlanSeries creates every meeting of a series, each with its kind's template, in one transaction: all
// of them or none.
func (s *Store) PlanSeries(ctx context.Context, sr model.Series) ([]model.Meeting, error) {
	if err := sr.Validate(); err != nil {
		return nil, err
	}
	var out []model.Meeting
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO meeting_series (body_id, kind, nth, weekday, interval, from_date, until_date,
			start_min, end_min, location, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			sr.BodyID, sr.Kind, sr.Nth, int(sr.Weekday), sr.Interval, sr.From.String(), sr.Until.String(), sr.Start, sr.End,
			sr.Location, s.stamp())
		if err != nil {
			return err
		}
		seriesID, _ := res.LastInsertId()
		tpl, err := templateIn(ctx, tx, sr.BodyID, sr.Kind)
		if err != nil {
			return err
		}
		for _, m := range sr.Meetings() {
			m, err = s.insertMeeting(ctx, tx, m, seriesID, model.TemplateItems(tpl, m))
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
