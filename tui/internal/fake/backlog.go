package fake

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

func tplKey(bodyID int64, kind model.MeetingKind) string { return fmt.Sprintf("%d/%s", bodyID, kind) }

func (s *Store) Backlog(_ context.Context, bodyID int64) ([]model.BacklogTopic, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.BacklogTopic{}
	for _, b := range s.ag().backlog {
		if b.BodyID == bodyID {
			out = append(out, b)
		}
	}
	return out, nil
}

func (s *Store) CreateBacklogTopic(_ context.Context, b model.BacklogTopic) (model.BacklogTopic, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	if b.Purpose == "" {
		b.Purpose = model.PurposeBespreking
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b.ID, b.Version = s.id(), 1
	s.ag().backlog = append(s.ag().backlog, b)
	return b, nil
}

func (s *Store) UpdateBacklogTopic(_ context.Context, b model.BacklogTopic) (model.BacklogTopic, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.ag().backlog {
		if old.ID == b.ID {
			if old.Version != b.Version {
				return b, model.ErrConflict
			}
			b.Version++
			s.ag().backlog[i] = b
			return b, nil
		}
	}
	return b, model.ErrNotFound
}

func (s *Store) takeTopic(id int64) (model.BacklogTopic, bool) {
	a := s.ag()
	for i, b := range a.backlog {
		if b.ID == id {
			a.backlog = append(a.backlog[:i], a.backlog[i+1:]...)
			return b, true
		}
	}
	return model.BacklogTopic{}, false
}

func (s *Store) DeleteBacklogTopic(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.takeTopic(id)
	if !ok {
		return model.ErrNotFound
	}
	s.bin = append(s.bin, model.BinEntry{ID: s.id(), Kind: "backlog", RefID: id, Label: b.Title, DeletedAt: s.Now})
	return nil
}

func (s *Store) ScheduleTopic(ctx context.Context, topicID, meetingID int64, position int) (model.AgendaItem, error) {
	s.mu.Lock()
	b, ok := s.takeTopic(topicID)
	s.mu.Unlock()
	if !ok {
		return model.AgendaItem{}, model.ErrNotFound
	}
	it := b.Item(meetingID)
	it.Position = position
	return s.AddAgendaItem(ctx, it)
}

func (s *Store) UnscheduleItem(_ context.Context, itemID int64) (model.BacklogTopic, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.ag().items {
		if it.ID != itemID {
			continue
		}
		if it.Role != model.RoleNone {
			return model.BacklogTopic{}, model.Invalid("role", "een vast agendapunt ("+it.Title+") gaat niet naar de parkeerlijst; verwijder het als het weg moet")
		}
		i := s.meetingIndex(it.MeetingID)
		s.removeItem(itemID)
		b := it.Topic(s.ag().meetings[i].BodyID)
		b.ID, b.Version, b.FromItem = s.id(), 1, 0
		s.ag().backlog = append(s.ag().backlog, b)
		return b, nil
	}
	return model.BacklogTopic{}, model.ErrNotFound
}

func (s *Store) AgendaTemplate(_ context.Context, bodyID int64, kind model.MeetingKind) ([]model.TemplateItem, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.ag().templates[tplKey(bodyID, kind)]; len(t) > 0 {
		return append([]model.TemplateItem{}, t...), true, nil
	}
	return model.DefaultTemplate(kind), false, nil
}

func (s *Store) SaveAgendaTemplate(_ context.Context, bodyID int64, kind model.MeetingKind, items []model.TemplateItem) error {
	for _, t := range items {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ag().templates[tplKey(bodyID, kind)] = append([]model.TemplateItem{}, items...)
	return nil
}

func (s *Store) Art24Count(_ context.Context, bodyID int64, year int, today model.Date) (int, int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	held, planned := 0, 0
	for _, m := range s.ag().meetings {
		if m.BodyID != bodyID || !m.Art24 || m.Kind != model.MeetingOV || m.Date.Year() != year || s.ag().deleted[m.ID] || m.Status == model.MeetingCancelled {
			continue
		}
		if m.Status == model.MeetingHeld || m.Date.Before(today) {
			held++
		} else {
			planned++
		}
	}
	return held, planned, nil
}

func (s *Store) AttachableDocuments(_ context.Context, bodyID int64, query string, limit int) ([]model.AttachedDocument, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.AttachedDocument{}
	for _, d := range s.ag().documents {
		if s.ag().docBody[d.ID] == bodyID && strings.Contains(strings.ToLower(d.Title+" "+d.FileName), strings.ToLower(query)) {
			out = append(out, d)
		}
	}
	return out, nil
}

func (s *Store) AttachDocument(_ context.Context, itemID, documentID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range s.ag().attached[itemID] {
		if id == documentID {
			return nil
		}
	}
	s.ag().attached[itemID] = append(s.ag().attached[itemID], documentID)
	return nil
}

func (s *Store) DetachDocument(_ context.Context, itemID, documentID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := s.ag().attached[itemID]
	for i, id := range ids {
		if id == documentID {
			s.ag().attached[itemID] = append(ids[:i], ids[i+1:]...)
		}
	}
	return nil
}
