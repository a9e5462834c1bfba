package store

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
)

// MeetingChoices lists a body's meetings on or before day, newest first, at most limit: what a picker
// offers (the Acties filter) without reading ten years of meetings.
func (s *Store) MeetingChoices(ctx context.Context, bodyID int64, day model.Date, limit int) ([]model.Meeting, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT "+meetingCols+` FROM meetings WHERE body_id = ? AND date <= ? AND deleted_at IS NULL
		ORDER BY date DESC, id DESC LIMIT ?`, bodyID, day.String(), max(limit, 1))
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
