package store

import (
	"context"
	"errors"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/agendaexport"
)

// AgendaExportInput reads everything an export of a meeting's agenda needs.
func (s *Store) AgendaExportInput(ctx context.Context, meetingID int64) (agendaexport.Input, error) {
	var in agendaexport.Input
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return in, err
	}
	in.Meeting, in.Today = m, s.Today()
	if in.Body, err = s.Body(ctx, m.BodyID); err != nil {
		return in, err
	}
	if in.Items, err = s.AgendaItems(ctx, meetingID); err != nil {
		return in, err
	}
	if in.Documents, err = s.MeetingDocuments(ctx, meetingID); err != nil {
		return in, err
	}
	if in.Members, err = s.Members(ctx, m.BodyID); err != nil {
		return in, err
	}
	if in.Bestuurder, err = s.Bestuurder(ctx, m.BodyID); err != nil && !errors.Is(err, model.ErrNotFound) {
		return in, err
	}
	if in.Term, err = s.MeetingTerm(ctx, m, in.Today); err != nil {
		return in, err
	}
	in.Impositions = map[int64]model.Imposition{}
	need := map[int64]bool{}
	for _, it := range in.Items {
		need[it.ImpositionID] = true
		for _, d := range in.Documents[it.ID] {
			need[d.ImpositionID] = true
		}
	}
	for id := range need {
		if id == 0 {
			continue
		}
		imp, err := s.Imposition(ctx, id)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return in, err
		}
		if err == nil {
			in.Impositions[id] = imp
		}
	}
	return in, nil
}

// ExportAgenda writes a meeting's agenda (md, txt, docx, pdf), appointment (ics) or convocation (eml) to
// path, atomically. openbaar leaves out what art 20 WOR keeps confidential today.
func (s *Store) ExportAgenda(ctx context.Context, meetingID int64, format string, openbaar bool, path string) error {
	in, err := s.AgendaExportInput(ctx, meetingID)
	if err != nil {
		return err
	}
	return agendaexport.Write(path, format, in, openbaar, s.now(), func(id int64) ([]byte, error) {
		return s.AttachmentData(ctx, id)
	})
}
