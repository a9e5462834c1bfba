package store

import (
	"context"
	"database/sql"

	"github.com/werkbank-nl/werkbank/model"
)

const meetingCols = "id, body_id, kind, date, start_min, end_min, location, chair, status, agenda_sent, urgent, art24, ov_requested, version"

func scanMeeting(sc interface{ Scan(...any) error }) (model.Meeting, error) {
	var m model.Meeting
	var date string
	var sent, req sql.NullString
	var urgent, art24 int
	err := sc.Scan(&m.ID, &m.BodyID, &m.Kind, &date, &m.Start, &m.End, &m.Location, &m.Chair, &m.Status, &sent,
		&urgent, &art24, &req, &m.Version)
	m.Date = scanDate(sql.NullString{String: date, Valid: true})
	m.AgendaSent, m.OVRequested = scanDate(sent), scanDate(req)
	m.Urgent, m.Art24 = urgent == 1, art24 == 1
	return m, err
}

// CreateMeeting adds a meeting with its agenda items in one transaction.
func (s *Store) CreateMeeting(ctx context.Context, m model.Meeting, items []model.AgendaItem) (model.Meeting, error) {
	if m.Status == "" {
		m.Status = model.MeetingConcept
	}
	if err := checkMeeting(m); err != nil {
		return m, err
	}
	for _, it := range items {
		if err := model.CheckItem(it); err != nil {
			return m, err
		}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = s.insertMeeting(ctx, tx, m, 0, items)
		return err
	})
	return m, err
}

// checkMeeting adds the store's own limits to the model's validation: a status the schema knows.
func checkMeeting(m model.Meeting) error {
	if err := m.Validate(); err != nil {
		return err
	}
	for _, st := range model.MeetingStatuses {
		if st == m.Status {
			return nil
		}
	}
	return model.Invalid("status", "onbekende status")
}

func (s *Store) insertMeeting(ctx context.Context, tx *sql.Tx, m model.Meeting, seriesID int64, items []model.AgendaItem) (model.Meeting, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO meetings (body_id, kind, date, start_min, end_min, location, chair, status,
		agenda_sent, urgent, art24, ov_requested, series_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.BodyID, m.Kind, m.Date.String(), m.Start, m.End, m.Location, m.Chair, m.Status, nullDate(m.AgendaSent),
		b2i(m.Urgent), b2i(m.Art24), nullDate(m.OVRequested), nullID(seriesID), s.stamp())
	if err != nil {
		return m, err
	}
	m.ID, _ = res.LastInsertId()
	m.Version = 1
	for i, it := range items {
		it.MeetingID, it.Position = m.ID, i+1
		if _, err := insertAgendaItem(ctx, tx, it); err != nil {
			return m, err
		}
	}
	return m, nil
}

// UpdateMeeting saves a meeting's own fields if nobody changed it since it was read (else
// model.ErrConflict). The agenda items are saved by their own methods.
func (s *Store) UpdateMeeting(ctx context.Context, m model.Meeting) (model.Meeting, error) {
	if err := checkMeeting(m); err != nil {
		return m, err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE meetings SET kind = ?, date = ?, start_min = ?, end_min = ?, location = ?, chair = ?,
			status = ?, agenda_sent = ?, urgent = ?, art24 = ?, ov_requested = ?, version = version + 1
			WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			m.Kind, m.Date.String(), m.Start, m.End, m.Location, m.Chair, m.Status, nullDate(m.AgendaSent), b2i(m.Urgent),
			b2i(m.Art24), nullDate(m.OVRequested), m.ID, m.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "meetings", m.ID)
	})
	if err == nil {
		m.Version++
	}
	return m, err
}

// MarkAgendaSent records that the agenda went out on a day; a zero day takes it back (status concept).
func (s *Store) MarkAgendaSent(ctx context.Context, m model.Meeting, on model.Date) (model.Meeting, error) {
	m.AgendaSent = on
	switch {
	case !on.IsZero() && m.Status == model.MeetingConcept:
		m.Status = model.MeetingAgendaSent
	case on.IsZero() && m.Status == model.MeetingAgendaSent:
		m.Status = model.MeetingConcept
	}
	if !on.IsZero() && on.After(m.Date) {
		return m, model.Invalid("agenda_sent", "de verzenddatum ligt na de vergadering")
	}
	return s.UpdateMeeting(ctx, m)
}

// Meetings lists a body's meetings from a date on (zero: all), in date order.
func (s *Store) Meetings(ctx context.Context, bodyID int64, from model.Date, limit int) ([]model.Meeting, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.r.QueryContext(ctx, "SELECT "+meetingCols+` FROM meetings WHERE body_id = ? AND deleted_at IS NULL
		AND date >= ? ORDER BY date, start_min LIMIT ?`, bodyID, from.String(), limit)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Meeting{}
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, mapErr(rows.Err())
}

// Meeting returns one meeting.
func (s *Store) Meeting(ctx context.Context, id int64) (model.Meeting, error) {
	m, err := scanMeeting(s.r.QueryRowContext(ctx, "SELECT "+meetingCols+" FROM meetings WHERE id = ? AND deleted_at IS NULL", id))
	return m, mapErr(err)
}

// DeleteMeeting moves a meeting (with its agenda) to the prullenbak.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return s.softDelete(ctx, tx, "meetings", id) })
}

const itemCols = `id, meeting_id, position, title, purpose, presenter, minutes, explanation, dossier_id, imposition_id, notes,
	role, outcome, raised_by, raised_on, carried_from, version`

func scanItem(sc interface{ Scan(...any) error }) (model.AgendaItem, error) {
	var it model.AgendaItem
	var dossier, imp, carried sql.NullInt64
	var raised sql.NullString
	err := sc.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, &it.Purpose, &it.Presenter, &it.Minutes, &it.Explain,
		&dossier, &imp, &it.Notes, &it.Role, &it.Outcome, &it.RaisedBy, &raised, &carried, &it.Version)
	it.DossierID, it.ImpositionID, it.CarriedFrom = dossier.Int64, imp.Int64, carried.Int64
	it.RaisedOn = scanDate(raised)
	return it, err
}

func insertAgendaItem(ctx context.Context, tx *sql.Tx, it model.AgendaItem) (model.AgendaItem, error) {
	if it.Purpose == "" {
		it.Purpose = model.PurposeInformatie
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, position, title, purpose, presenter, minutes,
		explanation, dossier_id, imposition_id, notes, role, outcome, raised_by, raised_on, carried_from)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.MeetingID, it.Position, it.Title, it.Purpose, it.Presenter, it.Minutes, it.Explain, nullID(it.DossierID),
		nullID(it.ImpositionID), it.Notes, it.Role, it.Outcome, it.RaisedBy, nullDate(it.RaisedOn), nullID(it.CarriedFrom))
	if err != nil {
		return it, err
	}
	it.ID, _ = res.LastInsertId()
	it.Version = 1
	return it, nil
}

// AgendaItems lists a meeting's items in order.
func (s *Store) AgendaItems(ctx context.Context, meetingID int64) ([]model.AgendaItem, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+itemCols+" FROM agenda_items WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY position", meetingID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.AgendaItem{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, mapErr(rows.Err())
}

// UpdateAgendaItem saves an item if nobody changed it since it was read (else model.ErrConflict).
func (s *Store) UpdateAgendaItem(ctx context.Context, it model.AgendaItem) (model.AgendaItem, error) {
	if err := model.CheckItem(it); err != nil {
		return it, err
	}
	if it.Purpose == "" {
		it.Purpose = model.PurposeInformatie
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE agenda_items SET title = ?, purpose = ?, presenter = ?, minutes = ?,
			explanation = ?, dossier_id = ?, imposition_id = ?, notes = ?, version = version + 1
			WHERE id = ? AND version = ? AND deleted_at IS NULL`,
			it.Title, it.Purpose, it.Presenter, it.Minutes, it.Explain, nullID(it.DossierID), nullID(it.ImpositionID),
			it.Notes, it.ID, it.Version)
		if err != nil {
			return err
		}
		return checkUpdated(ctx, tx, res, "agenda_items", it.ID)
	})
	if err == nil {
		it.Version++
	}
	return it, err
}
