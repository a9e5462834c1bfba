package fake

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/settings"
)

// Impositions lists the body's impositions made through CreateImposition.
func (s *Store) Impositions(_ context.Context, bodyID int64) ([]model.Imposition, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Imposition{}
	for _, i := range s.ag().impositions {
		if i.BodyID == bodyID {
			out = append(out, i)
		}
	}
	return out, nil
}

// ReleaseImposition records the release, with the real store's version check.
func (s *Store) ReleaseImposition(_ context.Context, id, version int64, on model.Date) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, i := range s.ag().impositions {
		if i.ID == id {
			if i.Version != version {
				return model.ErrConflict
			}
			i.Released, i.Version = on, i.Version+1
			s.ag().impositions[k] = i
			return nil
		}
	}
	return model.ErrNotFound
}

// MakeCoachCopy records the request; CoachRequests returns what was asked.
func (s *Store) MakeCoachCopy(_ context.Context, r settings.CoachRequest) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.coachRequests = append(s.coachRequests, r)
	return "Kopie voor coach gemaakt: " + r.Path, nil
}

// CoachRequests are the coach copies asked for.
func (s *Store) CoachRequests() []settings.CoachRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]settings.CoachRequest(nil), s.coachRequests...)
}

// ExpiredImpositions lists the body's impositions that expired without being released.
func (s *Store) ExpiredImpositions(ctx context.Context, bodyID int64, today model.Date) ([]model.Imposition, error) {
	all, err := s.Impositions(ctx, bodyID)
	if err != nil {
		return nil, err
	}
	out := []model.Imposition{}
	for _, i := range all {
		if i.State(today) == model.ExpiredUnreviewed {
			out = append(out, i)
		}
	}
	return out, nil
}
