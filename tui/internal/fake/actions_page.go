package fake

import (
	"context"
	"sort"

	"github.com/werkbank-nl/werkbank/model"
)

// The paged actielijst and besluitenlijst, cut from the whole lists as the store's windows are.

func (s *Store) ActionsPage(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date, r model.PageRequest) (model.ActionPage, error) {
	all, err := s.Actions(ctx, bodyID, f, day)
	if err != nil {
		return model.ActionPage{}, err
	}
	out := model.ActionPage{Focus: -1}
	for i, a := range all {
		if a.ID == r.Focus {
			out.Focus = i
		}
		if a.OverdueDays(day) > 0 {
			out.Late++
		}
	}
	out.Page = model.Cut(all, r, out.Focus)
	return out, nil
}

func (s *Store) DecisionsPage(ctx context.Context, bodyID int64, f model.DecisionFilter, r model.PageRequest) (model.DecisionPage, error) {
	all, err := s.Decisions(ctx, bodyID, f)
	if err != nil {
		return model.DecisionPage{}, err
	}
	out := model.DecisionPage{Focus: -1}
	for i, d := range all {
		if d.ID == r.Focus {
			out.Focus = i
		}
	}
	out.Page = model.Cut(all, r, out.Focus)
	return out, nil
}

// MeetingChoices lists the body's meetings on or before day, newest first, at most limit.
func (s *Store) MeetingChoices(_ context.Context, bodyID int64, day model.Date, limit int) ([]model.Meeting, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Meeting{}
	for _, m := range s.ag().meetings {
		if m.BodyID == bodyID && !s.ag().deleted[m.ID] && !m.Date.After(day) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c > 0
		}
		return out[i].ID > out[j].ID
	})
	return out[:min(len(out), max(limit, 1))], nil
}
