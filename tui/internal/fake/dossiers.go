package fake

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// dossierState is the fake's dossiers and equated days, kept beside the Store like the agenda's; s.mu
// guards it. It checks timelines with the same pure rules the real store uses (dossier.CheckEvents).
type dossierState struct {
	dossiers []dossier.Dossier
	holidays []termijn.Holiday
}

var dossierStates sync.Map // *Store -> *dossierState

func (s *Store) ds() *dossierState {
	v, _ := dossierStates.LoadOrStore(s, &dossierState{})
	return v.(*dossierState)
}

func (s *Store) dossierIndex(id int64) int {
	return slices.IndexFunc(s.ds().dossiers, func(d dossier.Dossier) bool { return d.ID == id })
}

func (s *Store) ownerName(id int64) string {
	for _, m := range s.members {
		if m.ID == id {
			return m.Name
		}
	}
	return ""
}

func syncStatus(d *dossier.Dossier) {
	d.Status = dossier.StatusOpen
	if _, closed := d.Closed(); closed {
		d.Status = dossier.StatusClosed
	}
}

func (s *Store) Dossiers(_ context.Context, f dossier.Filter) ([]dossier.Dossier, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []dossier.Dossier{}
	for _, d := range s.ds().dossiers {
		if (f.BodyID == 0 || d.BodyID == f.BodyID) && (f.Status == "" || d.Status == f.Status) && (f.Kind == "" || d.Kind == f.Kind) {
			d.Events = slices.Clone(d.Events)
			d.Owner = s.ownerName(d.OwnerID)
			out = append(out, d)
		}
	}
	slices.SortStableFunc(out, func(a, b dossier.Dossier) int {
		return cmp.Or(b.StartedOn.Compare(a.StartedOn), cmp.Compare(b.ID, a.ID))
	})
	return out, nil
}

// DossierPage is a window of Dossiers, like the store's.
func (s *Store) DossierPage(ctx context.Context, f dossier.Filter, offset, limit int) (model.Page[dossier.Dossier], error) {
	all, err := s.Dossiers(ctx, f)
	if err != nil {
		return model.Page[dossier.Dossier]{}, err
	}
	p := model.Page[dossier.Dossier]{Total: len(all)}
	p.Offset = min(max(offset, 0), p.Total)
	p.Rows = all[p.Offset:min(p.Offset+max(limit, 0), p.Total)]
	return p, nil
}

// Dossier returns one dossier with its timeline.
func (s *Store) Dossier(_ context.Context, id int64) (dossier.Dossier, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.dossierIndex(id)
	if i < 0 {
		return dossier.Dossier{}, model.ErrNotFound
	}
	d := s.ds().dossiers[i]
	d.Events = slices.Clone(d.Events)
	d.Owner = s.ownerName(d.OwnerID)
	return d, nil
}

func (s *Store) CreateDossier(_ context.Context, d dossier.Dossier) (dossier.Dossier, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d.ID, d.Version, d.Events = s.id(), 1, []dossier.Event{}
	if k := dossier.FirstEvent(d.Kind); k != "" {
		d.Events = append(d.Events, dossier.Event{ID: s.id(), DossierID: d.ID, Kind: k, Date: d.StartedOn, Version: 1})
	}
	syncStatus(&d)
	d.Owner = s.ownerName(d.OwnerID)
	s.ds().dossiers = append(s.ds().dossiers, d)
	return d, nil
}

func (s *Store) UpdateDossier(_ context.Context, d dossier.Dossier) (dossier.Dossier, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.dossierIndex(d.ID)
	if i < 0 {
		return d, model.ErrNotFound
	}
	old := s.ds().dossiers[i]
	if old.Version != d.Version {
		return d, model.ErrConflict
	}
	d.Events = old.Events
	if err := dossier.CheckEvents(d); err != nil {
		return d, model.Invalid("started_on", "de tijdlijn past niet: "+err.Error())
	}
	d.Version++
	syncStatus(&d)
	s.ds().dossiers[i] = d
	return d, nil
}

func (s *Store) DeleteDossier(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.dossierIndex(id)
	if i < 0 {
		return model.ErrNotFound
	}
	s.ds().dossiers = slices.Delete(s.ds().dossiers, i, i+1)
	return nil
}

// changeEvents applies change to a copy of a dossier's timeline and keeps it only when it still checks.
func (s *Store) changeEvents(dossierID int64, change func([]dossier.Event) ([]dossier.Event, error)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.dossierIndex(dossierID)
	if i < 0 {
		return model.ErrNotFound
	}
	d := s.ds().dossiers[i]
	evs, err := change(slices.Clone(d.Events))
	if err != nil {
		return err
	}
	d.Events = evs
	if err := dossier.CheckEvents(d); err != nil {
		return err
	}
	syncStatus(&d)
	s.ds().dossiers[i] = d
	return nil
}

func (s *Store) AddDossierEvent(_ context.Context, e dossier.Event) (dossier.Event, error) {
	if _, err := dossier.ParseEventKind(string(e.Kind)); err != nil {
		return e, err
	}
	err := s.changeEvents(e.DossierID, func(evs []dossier.Event) ([]dossier.Event, error) {
		e.ID, e.Version = s.id(), 1
		return append(evs, e), nil
	})
	return e, err
}

// eventOwner finds the dossier an event belongs to.
func (s *Store) eventOwner(id int64) (int64, dossier.Event, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.ds().dossiers {
		for _, e := range d.Events {
			if e.ID == id {
				return d.ID, e, true
			}
		}
	}
	return 0, dossier.Event{}, false
}

func (s *Store) UpdateDossierEvent(_ context.Context, e dossier.Event) (dossier.Event, error) {
	did, old, ok := s.eventOwner(e.ID)
	if !ok {
		return e, model.ErrNotFound
	}
	if old.Version != e.Version {
		return e, model.ErrConflict
	}
	e.Kind, e.DossierID, e.Version = old.Kind, did, old.Version+1
	err := s.changeEvents(did, func(evs []dossier.Event) ([]dossier.Event, error) {
		for i := range evs {
			if evs[i].ID == e.ID {
				evs[i] = e
			}
		}
		return evs, nil
	})
	return e, err
}

func (s *Store) DeleteDossierEvent(_ context.Context, id int64) error {
	did, _, ok := s.eventOwner(id)
	if !ok {
		return model.ErrNotFound
	}
	return s.changeEvents(did, func(evs []dossier.Event) ([]dossier.Event, error) {
		return slices.DeleteFunc(evs, func(e dossier.Event) bool { return e.ID == id }), nil
	})
}

// DossierLinks counts the fake archive's documents of a dossier; the fake keeps no letters or actions.
func (s *Store) DossierLinks(_ context.Context, id int64) (dossier.Links, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var l dossier.Links
	for _, d := range s.a().docs {
		if d.DossierID == id {
			l.Documents++
		}
	}
	for _, it := range s.ag().items {
		if it.DossierID == id && !s.ag().deleted[it.MeetingID] {
			l.AgendaItems++
		}
	}
	return l, nil
}

func (s *Store) Calendar(ctx context.Context) (termijn.Calendar, error) {
	hs, err := s.ExtraHolidays(ctx)
	return termijn.Calendar{Extra: hs}, err
}

func (s *Store) ExtraHolidays(context.Context) ([]termijn.Holiday, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]termijn.Holiday{}, s.ds().holidays...), nil
}

func (s *Store) AddHoliday(_ context.Context, h termijn.Holiday) error {
	if err := termijn.ValidateHoliday(h); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.ds().holidays {
		if x.Date.Equal(h.Date) {
			return model.Invalid("date", h.Date.Short()+" staat er al in ("+x.Name+")")
		}
	}
	s.ds().holidays = append(s.ds().holidays, h)
	slices.SortFunc(s.ds().holidays, func(a, b termijn.Holiday) int { return a.Date.Compare(b.Date) })
	return nil
}

func (s *Store) DeleteHoliday(_ context.Context, date model.Date) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := len(s.ds().holidays)
	s.ds().holidays = slices.DeleteFunc(s.ds().holidays, func(h termijn.Holiday) bool { return h.Date.Equal(date) })
	if len(s.ds().holidays) == n {
		return model.ErrNotFound
	}
	return nil
}

// Termijnen builds the overview from the fake's dossiers and meetings, with the real rules.
func (s *Store) Termijnen(ctx context.Context, bodyID int64, today model.Date) (dossier.Overview, error) {
	bodies, _ := s.Bodies(ctx)
	cal, _ := s.Calendar(ctx)
	ds, _ := s.Dossiers(ctx, dossier.Filter{BodyID: bodyID, Status: dossier.StatusOpen})
	in := dossier.Input{Today: today, Calendar: cal, Dossiers: ds}
	for _, b := range bodies {
		if bodyID == 0 || b.ID == bodyID {
			in.Bodies = append(in.Bodies, b)
		}
	}
	s.mu.Lock()
	for _, m := range s.ag().meetings {
		if !s.ag().deleted[m.ID] {
			in.Meetings = append(in.Meetings, m)
		}
	}
	s.mu.Unlock()
	return dossier.Build(in), nil
}
