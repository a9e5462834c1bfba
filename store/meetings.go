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
	if err := m.Validate(); err != nil {
		return m, err
	}
	for _, it := range items {
		if err := it.Validate(); err != nil {
			return m, err
		}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO meetings (body_id, kind, date, start_min, end_min, location, chair, status,
			agenda_sent, urgent, art24, ov_requested, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.BodyID, m.Kind, m.Date.String(), m.Start, m.End, m.Location, m.Chair, m.Status, nullDate(m.AgendaSent),
			b2i(m.Urgent), b2i(m.Art24), nullDate(m.OVRequested), s.stamp())
		if err != nil {
			return err
		}
		m.ID, _ = res.LastInsertId()
		m.Version = 1
		for i, it := range items {
			it.MeetingID, it.Position = m.ID, i+1
			if _, err := insertAgendaItem(ctx, tx, it); err != nil {
				return err
			}
		}
		return nil
	})
	return m, err
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

const itemCols = "id, meeting_id, position, title, purpose, presenter, minutes, explanation, dossier_id, imposition_id, notes, version"

func scanItem(sc interface{ Scan(...any) error }) (model.AgendaItem, error) {
	var it model.AgendaItem
	var dossier, imp sql.NullInt64
	err := sc.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, &it.Purpose, &it.Presenter, &it.Minutes, &it.Explain,
		&dossier, &imp, &it.Notes, &it.Version)
	it.DossierID, it.ImpositionID = dossier.Int64, imp.Int64
	return it, err
}

func insertAgendaItem(ctx context.Context, tx *sql.Tx, it model.AgendaItem) (model.AgendaItem, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO agenda_items (meeting_id, position, title, purpose, presenter, minutes,
		explanation, dossier_id, imposition_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.MeetingID, it.Position, it.Title, it.Purpose, it.Presenter, it.Minutes, it.Explain, nullID(it.DossierID),
		nullID(it.ImpositionID), it.Notes)
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
	if err := it.Validate(); err != nil {
		return it, err
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
