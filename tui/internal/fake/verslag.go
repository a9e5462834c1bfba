package fake

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
)

func (s *Store) Attendance(ctx context.Context, meetingID int64) ([]model.Attendee, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	members, _ := s.Members(ctx, m.BodyID)
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Attendee{}
	for _, mb := range members {
		a := model.Attendee{MemberID: mb.ID, Name: mb.Name, Role: mb.Role}
		if rec, ok := s.mn().attendance[meetingID][mb.ID]; ok {
			a.Presence, a.Note = rec.Presence, rec.Note
		}
		out = append(out, a)
	}
	return out, nil
}

func (s *Store) SetAttendance(_ context.Context, meetingID, memberID int64, p model.Presence, note string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := s.mn().attendance
	if at[meetingID] == nil {
		at[meetingID] = map[int64]model.Attendee{}
	}
	if p == model.PresenceUnknown {
		delete(at[meetingID], memberID)
		return nil
	}
	at[meetingID][memberID] = model.Attendee{MemberID: memberID, Presence: p, Note: note}
	return nil
}

func (s *Store) VerslagApproval(_ context.Context, meetingID int64) (model.VerslagApproval, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.mn().approvals[meetingID]
	a.MeetingID = meetingID
	return a, nil
}

func (s *Store) ApproveVerslag(ctx context.Context, meetingID, inMeetingID int64, p model.Party) (model.VerslagApproval, error) {
	v, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return model.VerslagApproval{}, err
	}
	in, err := s.Meeting(ctx, inMeetingID)
	if err != nil {
		return model.VerslagApproval{}, err
	}
	if err := model.CheckApproval(v, in, p); err != nil {
		return model.VerslagApproval{}, err
	}
	s.mu.Lock()
	a := s.mn().approvals[meetingID]
	if p == model.PartyBestuurder {
		a.BestuurderMeetingID, a.BestuurderOn = in.ID, in.Date
	} else {
		a.ORMeetingID, a.OROn = in.ID, in.Date
	}
	s.mn().approvals[meetingID] = a
	s.mu.Unlock()
	return s.VerslagApproval(ctx, meetingID)
}
