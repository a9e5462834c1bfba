// Package fake is an in-memory stand-in for the store, for view tests that need no SQLite. It keeps the
// same rules the real store keeps where views depend on them: validation, versions and conflicts, and
// the prullenbak.
package fake

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/settings"
)

// Store is the fake.
type Store struct {
	mu          sync.Mutex
	bodies      []model.Body
	active      int64
	bestuurders map[int64]model.Bestuurder
	members     []model.Member
	bin         []model.BinEntry
	binMembers  []model.Member
	nextID      int64
	changed     bool
	Now         time.Time

	coachRequests []settings.CoachRequest // see coach.go
}

// New returns an empty fake store.
func New() *Store {
	return &Store{bestuurders: map[int64]model.Bestuurder{}, Now: time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)}
}

func (s *Store) id() int64 { s.nextID++; return s.nextID }

// Touch makes the next Changed call report a change, as another process's write would.
func (s *Store) Touch() { s.mu.Lock(); s.changed = true; s.mu.Unlock() }

func (s *Store) Changed(context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.changed
	s.changed = false
	return c, nil
}

func (s *Store) Path() string { return "/tmp/werkbank-test.db" }

func (s *Store) IsEmpty(context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.bodies) == 0, nil
}

func (s *Store) LoadDemo(ctx context.Context) error {
	b, err := s.CreateBody(ctx, model.Body{Name: "OR Zorggroep Rivierenland", Kind: model.KindOR})
	if err != nil {
		return err
	}
	for _, n := range []string{"Anneke Smit", "Jeroen Brouwer", "Ruud Dijkstra"} {
		if _, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: n, Role: model.RoleLid}); err != nil {
			return err
		}
	}
	_, err = s.CreateBody(ctx, model.Body{Name: "OC Thuiszorg", Kind: model.KindOnderdeel})
	return err
}

func (s *Store) Bodies(context.Context) ([]model.Body, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Body{}
	for _, b := range s.bodies {
		b.Active = b.ID == s.active
		out = append(out, b)
	}
	return out, nil
}

func (s *Store) SetActiveBody(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.bodies {
		if b.ID == id {
			s.active = id
			return nil
		}
	}
	return model.ErrNotFound
}

func (s *Store) CreateBody(_ context.Context, b model.Body) (model.Body, error) {
	if b.RuleSet == "" {
		b.RuleSet = b.Kind.DefaultRuleSet()
	}
	if err := b.Validate(); err != nil {
		return b, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b.ID, b.Version = s.id(), 1
	if s.active == 0 {
		s.active = b.ID
	}
	s.bodies = append(s.bodies, b)
	return b, nil
}

func (s *Store) UpdateBody(_ context.Context, b model.Body) (model.Body, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.bodies {
		if old.ID == b.ID {
			if old.Version != b.Version {
				return b, model.ErrConflict
			}
			b.Version++
			s.bodies[i] = b
			return b, nil
		}
	}
	return b, model.ErrNotFound
}

func (s *Store) Bestuurder(_ context.Context, bodyID int64) (model.Bestuurder, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.bestuurders[bodyID]
	if !ok {
		return model.Bestuurder{}, model.ErrNotFound
	}
	return b, nil
}

func (s *Store) SaveBestuurder(_ context.Context, b model.Bestuurder) (model.Bestuurder, error) {
	if err := b.Validate(); err != nil {
		return b, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.bestuurders[b.BodyID]
	if ok && old.Version != b.Version {
		return b, model.ErrConflict
	}
	if b.ID == 0 {
		b.ID = s.id()
	}
	b.Version++
	s.bestuurders[b.BodyID] = b
	return b, nil
}

func (s *Store) Members(_ context.Context, bodyID int64) ([]model.Member, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Member{}
	for _, m := range s.members {
		if m.BodyID == bodyID {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func (s *Store) CreateMember(_ context.Context, m model.Member) (model.Member, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m.ID, m.Version = s.id(), 1
	s.members = append(s.members, m)
	return m, nil
}

func (s *Store) UpdateMember(_ context.Context, m model.Member) (model.Member, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.members {
		if old.ID == m.ID {
			if old.Version != m.Version {
				return m, model.ErrConflict
			}
			m.Version++
			s.members[i] = m
			return m, nil
		}
	}
	return m, model.ErrNotFound
}

// BumpMember changes a member as another process would, so the next update of the old version conflicts.
func (s *Store) BumpMember(id int64, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.members {
		if m.ID == id {
			s.members[i].Name = name
			s.members[i].Version++
		}
	}
	s.changed = true
}

func (s *Store) DeleteMember(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.members {
		if m.ID == id {
			s.members = append(s.members[:i], s.members[i+1:]...)
			s.bin = append(s.bin, model.BinEntry{ID: s.id(), Kind: "members", RefID: id, Label: m.Name, DeletedAt: s.Now})
			s.binMembers = append(s.binMembers, m)
			return nil
		}
	}
	return model.ErrNotFound
}

func (s *Store) Bin(context.Context) ([]model.BinEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]model.BinEntry{}, s.bin...), nil
}

func (s *Store) Restore(_ context.Context, binID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, e := range s.bin {
		if e.ID == binID {
			for j, m := range s.binMembers {
				if m.ID == e.RefID {
					s.members = append(s.members, m)
					s.binMembers = append(s.binMembers[:j], s.binMembers[j+1:]...)
					break
				}
			}
			s.bin = append(s.bin[:i], s.bin[i+1:]...)
			return nil
		}
	}
	return model.ErrNotFound
}

func (s *Store) EmptyBin(context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.bin)
	s.bin, s.binMembers = nil, nil
	return n, nil
}
