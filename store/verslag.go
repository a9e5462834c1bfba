package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// Attendance lists every current member of the meeting's body with their recorded attendance; a member
// without a record has PresenceUnknown. Members removed later who were recorded are listed as well.
func (s *Store) Attendance(ctx context.Context, meetingID int64) ([]model.Attendee, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT mb.id, mb.name, mb.role, COALESCE(a.presence, ''), COALESCE(a.note, '')
		FROM members mb LEFT JOIN attendance a ON a.member_id = mb.id AND a.meeting_id = ?
		WHERE mb.body_id = ? AND (mb.deleted_at IS NULL OR a.member_id IS NOT NULL)
		ORDER BY CASE mb.role WHEN 'voorzitter' THEN 0 WHEN 'vicevoorzitter' THEN 1 WHEN 'secretaris' THEN 2 ELSE 3 END, mb.name`,
		meetingID, m.BodyID)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []model.Attendee{}
	for rows.Next() {
		var a model.Attendee
		if err := rows.Scan(&a.MemberID, &a.Name, &a.Role, &a.Presence, &a.Note); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, mapErr(rows.Err())
}

// SetAttendance records whether a member attended; PresenceUnknown removes the record.
func (s *Store) SetAttendance(ctx context.Context, meetingID, memberID int64, p model.Presence, note string) error {
	note = strings.TrimSpace(note)
	if len([]rune(note)) > 200 {
		return model.Invalid("note", "toelichting is te lang (meer dan 200 tekens)")
	}
	switch p {
	case model.PresenceUnknown, model.PresencePresent, model.PresenceAbsent:
	default:
		return model.Invalid("presence", "kies aanwezig of afwezig")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		var mb, mt int64
		err := tx.QueryRowContext(ctx, `SELECT (SELECT body_id FROM members WHERE id = ?), (SELECT body_id FROM meetings WHERE id = ?
			AND deleted_at IS NULL)`, memberID, meetingID).Scan(&mb, &mt)
		if err != nil || mb == 0 || mb != mt {
			return model.Invalid("member", "dat lid hoort niet bij het orgaan van deze vergadering")
		}
		if p == model.PresenceUnknown {
			_, err := tx.ExecContext(ctx, "DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?", meetingID, memberID)
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO attendance (meeting_id, member_id, presence, note) VALUES (?, ?, ?, ?)
			ON CONFLICT (meeting_id, member_id) DO UPDATE SET presence = excluded.presence, note = excluded.note`,
			meetingID, memberID, p, note)
		return err
	})
}

// VerslagApproval returns the recorded approval of a meeting's verslag (zero dates while concept).
func (s *Store) VerslagApproval(ctx context.Context, meetingID int64) (model.VerslagApproval, error) {
	a := model.VerslagApproval{MeetingID: meetingID}
	var orID, bID sql.NullInt64
	var orOn, bOn sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT or_meeting_id, or_on, bestuurder_meeting_id, bestuurder_on FROM verslag_approvals
		WHERE meeting_id = ?`, meetingID).Scan(&orID, &orOn, &bID, &bOn)
	if errors.Is(err, sql.ErrNoRows) {
		return a, nil
	}
	a.ORMeetingID, a.OROn, a.BestuurderMeetingID, a.BestuurderOn = orID.Int64, scanDate(orOn), bID.Int64, scanDate(bOn)
	return a, mapErr(err)
}

// ApproveVerslag records that party approved the verslag of meetingID in the later meeting inMeetingID,
// on that meeting's date. An OV verslag needs both the OR and the bestuurder (art 23a WOR).
func (s *Store) ApproveVerslag(ctx context.Context, meetingID, inMeetingID int64, p model.Party) (model.VerslagApproval, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		get := func(id int64) (model.Meeting, error) {
			m, err := scanMeeting(tx.QueryRowContext(ctx, "SELECT "+meetingCols+" FROM meetings WHERE id = ? AND deleted_at IS NULL", id))
			if errors.Is(err, sql.ErrNoRows) {
				return m, model.Invalid("meeting", "die vergadering bestaat niet (meer)")
			}
			return m, err
		}
		v, err := get(meetingID)
		if err != nil {
			return err
		}
		in, err := get(inMeetingID)
		if err != nil {
			return err
		}
		if err := model.CheckApproval(v, in, p); err != nil {
			return err
		}
		col := "or"
		if p == model.PartyBestuurder {
			col = "bestuurder"
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO verslag_approvals (meeting_id, `+col+`_meeting_id, `+col+`_on) VALUES (?, ?, ?)
			ON CONFLICT (meeting_id) DO UPDATE SET `+col+`_meeting_id = excluded.`+col+`_meeting_id, `+col+`_on = excluded.`+col+`_on`,
			meetingID, in.ID, in.Date.String())
		return err
	})
	if err != nil {
		return model.VerslagApproval{}, err
	}
	return s.VerslagApproval(ctx, meetingID)
}

// WithdrawApproval removes party's approval (recorded by mistake); the verslag is concept again.
func (s *Store) WithdrawApproval(ctx context.Context, meetingID int64, p model.Party) error {
	col := "or"
	if p == model.PartyBestuurder {
		col = "bestuurder"
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE verslag_approvals SET "+col+"_meeting_id = NULL, "+col+"_on = NULL WHERE meeting_id = ?", meetingID)
		return err
	})
}

// VerslagInput reads everything the verslag of a meeting is drafted from.
func (s *Store) VerslagInput(ctx context.Context, meetingID int64) (model.VerslagInput, error) {
	var in model.VerslagInput
	var err error
	if in.Meeting, err = s.Meeting(ctx, meetingID); err != nil {
		return in, err
	}
	bodyID := in.Meeting.BodyID
	if in.Body, err = s.Body(ctx, bodyID); err != nil {
		return in, err
	}
	if in.Items, err = s.AgendaItems(ctx, meetingID); err != nil {
		return in, err
	}
	if in.Attendance, err = s.Attendance(ctx, meetingID); err != nil {
		return in, err
	}
	b, err := s.Bestuurder(ctx, bodyID)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return in, err
	}
	in.Bestuurder = b.Name
	if in.Decisions, err = s.Decisions(ctx, bodyID, model.DecisionFilter{MeetingID: meetingID}); err != nil {
		return in, err
	}
	if in.Actions, err = s.Actions(ctx, bodyID, model.ActionFilter{}, in.Meeting.Date); err != nil {
		return in, err
	}
	in.Approval, err = s.VerslagApproval(ctx, meetingID)
	return in, err
}

// Verslag drafts the verslag of a meeting.
func (s *Store) Verslag(ctx context.Context, meetingID int64) (model.Verslag, error) {
	in, err := s.VerslagInput(ctx, meetingID)
	if err != nil {
		return model.Verslag{}, err
	}
	return model.AssembleVerslag(in), nil
}
