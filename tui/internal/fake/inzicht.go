package fake

import (
	"context"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/inzicht"
)

// Inzicht computes the figures of the fake's bodies with the model; the fake keeps no meetings or
// letters of its own for them, so most counts are zero, as in a new database.
func (s *Store) Inzicht(_ context.Context, bodyID int64, p inzicht.Period, today model.Date) (inzicht.Figures, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var in inzicht.Input
	for _, b := range s.bodies {
		if bodyID == 0 || b.ID == bodyID {
			in.Bodies = append(in.Bodies, b)
		}
	}
	if bodyID != 0 && len(in.Bodies) == 0 {
		return inzicht.Figures{}, model.ErrNotFound
	}
	return inzicht.Compute(in, p, bodyID, today), nil
}

// ExportJaarverslag accepts the request without writing a file: the root's tests only open Inzicht;
// the export itself is tested in tui/inzicht and store.
func (s *Store) ExportJaarverslag(context.Context, int64, int, string, string) error { return nil }
