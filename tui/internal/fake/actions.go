package fake

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
)

// The actions, decisions and minutes of the fake, with the rules the views depend on: validation, the
// due date not before the meeting, versions, postponements counted, numbering per year, no decision on
// a cancelled meeting, undo of the last change and the art 23a approval rules.

type minutes struct {
	actions    []model.Action
	deleted    map[int64]bool
	undo       []undoStep
	decisions  []model.Decision
	attendance map[int64]map[int64]model.Attendee // meeting -> member -> attendee
	approvals  map[int64]model.VerslagApproval
	// Written records every list or verslag export, "kind format path".
	Written []string
}

// undoStep is the state of an action before one change; created marks a new action (undo deletes it).
type undoStep struct {
	before  model.Action
	created bool
	deleted bool
}

var minutesOf sync.Map // *Store -> *minutes

func (s *Store) mn() *minutes {
	v, _ := minutesOf.LoadOrStore(s, &minutes{deleted: map[int64]bool{}, attendance: map[int64]map[int64]model.Attendee{},
		approvals: map[int64]model.VerslagApproval{}})
	return v.(*minutes)
}

// Written lists the list and verslag exports written so far.
func (s *Store) Written() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{}, s.mn().Written...)
}

func (s *Store) today() model.Date { return model.DateOf(s.Now) }

// decorate fills in the display context an action carries in the real store.
func (s *Store) decorate(a model.Action) model.Action {
	if i := s.meetingIndex(a.MeetingID); i >= 0 {
		m := s.ag().meetings[i]
		a.MeetingTitle, a.MeetingDate = m.Title(), m.Date
	}
	for _, it := range s.ag().items {
		if it.ID == a.AgendaItemID {
			a.ItemTitle = it.Title
		}
	}
	for _, d := range s.mn().decisions {
		if d.ID == a.DecisionID {
			a.DecisionNumber = d.Number()
		}
	}
	return a
}

func (s *Store) Actions(_ context.Context, bodyID int64, f model.ActionFilter, day model.Date) ([]model.Action, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Action{}
	for _, a := range s.mn().actions {
		a = s.decorate(a)
		if a.BodyID == bodyID && !s.mn().deleted[a.ID] && f.Match(a, day) {
			out = append(out, a)
		}
	}
	model.SortByDue(out)
	return out, nil
}

func (s *Store) ActionsDue(ctx context.Context, bodyID int64, today model.Date) (model.ActionsDue, error) {
	list, err := s.Actions(ctx, bodyID, model.ActionFilter{OpenOnly: true}, today)
	d := model.SplitDue(list, today)
	d.Overdue, d.ThisWeek = d.Overdue[:min(len(d.Overdue), model.DueListed)], d.ThisWeek[:min(len(d.ThisWeek), model.DueListed)]
	return d, err
}

func (s *Store) ActionListAsOf(ctx context.Context, meetingID int64) ([]model.Action, error) {
	m, err := s.Meeting(ctx, meetingID)
	if err != nil {
		return nil, err
	}
	all, _ := s.Actions(ctx, m.BodyID, model.ActionFilter{}, m.Date)
	out := []model.Action{}
	for _, a := range all {
		if a.MeetingID != meetingID && a.OpenAsOf(m.Date) {
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *Store) CreateAction(_ context.Context, a model.Action) (model.Action, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if a.Status == "" {
		a.Status = model.ActionOpen
	}
	a.Description, a.Owner = strings.TrimSpace(a.Description), strings.TrimSpace(a.Owner)
	if err := a.Validate(); err != nil {
		return a, err
	}
	a = s.decorate(a)
	if err := model.CheckDue(a.Due, a.MeetingDate); err != nil {
		return a, err
	}
	if a.Created.IsZero() {
		a.Created = s.today()
	}
	if a.Status.Closed() && a.Closed.IsZero() {
		a.Closed = a.Created
	}
	a.ID, a.Version = s.id(), 1
	mn := s.mn()
	mn.actions = append(mn.actions, a)
	mn.undo = append(mn.undo, undoStep{before: a, created: true})
	return a, nil
}

func (s *Store) actionIndex(id int64) int {
	for i, a := range s.mn().actions {
		if a.ID == id && !s.mn().deleted[id] {
			return i
		}
	}
	return -1
}

func (s *Store) UpdateAction(_ context.Context, next model.Action) (model.Action, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if next.Status == "" {
		next.Status = model.ActionOpen
	}
	if err := next.Validate(); err != nil {
		return next, err
	}
	i := s.actionIndex(next.ID)
	if i < 0 {
		return next, model.ErrNotFound
	}
	mn := s.mn()
	old := s.decorate(mn.actions[i])
	if old.Version != next.Version {
		return next, model.ErrConflict
	}
	if err := model.CheckDue(next.Due, old.MeetingDate); err != nil {
		return next, err
	}
	saved, changes := model.Apply(old, next, s.today())
	if len(changes) == 0 {
		return old, nil
	}
	saved.Version++
	mn.actions[i] = saved
	mn.undo = append(mn.undo, undoStep{before: old})
	return s.decorate(saved), nil
}

func (s *Store) SetActionStatus(ctx context.Context, a model.Action, st model.ActionStatus) (model.Action, error) {
	a.Status = st
	return s.UpdateAction(ctx, a)
}

func (s *Store) PostponeAction(ctx context.Context, a model.Action, days int) (model.Action, error) {
	if days <= 0 {
		return a, model.Invalid("due", "uitstellen kan alleen naar later")
	}
	if a.Due.IsZero() {
		a.Due = s.today()
	}
	a.Due = a.Due.AddDays(days)
	return s.UpdateAction(ctx, a)
}

func (s *Store) DeleteAction(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.actionIndex(id)
	if i < 0 {
		return model.ErrNotFound
	}
	mn := s.mn()
	mn.deleted[id] = true
	mn.undo = append(mn.undo, undoStep{before: mn.actions[i], deleted: true})
	return nil
}

func (s *Store) UndoLastActionChange(_ context.Context, bodyID int64) (model.Action, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	mn := s.mn()
	for k := len(mn.undo) - 1; k >= 0; k-- {
		u := mn.undo[k]
		if u.before.BodyID != bodyID {
			continue
		}
		mn.undo = append(mn.undo[:k], mn.undo[k+1:]...)
		switch {
		case u.created:
			mn.deleted[u.before.ID] = true
			return u.before, fmt.Sprintf("nieuwe actie %q naar de prullenbak", u.before.Description), nil
		case u.deleted:
			delete(mn.deleted, u.before.ID)
			return u.before, fmt.Sprintf("actie %q is terug", u.before.Description), nil
		}
		for i, a := range mn.actions {
			if a.ID == u.before.ID {
				back := u.before
				back.Version = a.Version + 1
				mn.actions[i] = back
				return back, fmt.Sprintf("wijziging van %q teruggezet", a.Description), nil
			}
		}
	}
	return model.Action{}, "", model.Invalid("undo", "er is geen wijziging meer om ongedaan te maken")
}

func (s *Store) ActionHistory(_ context.Context, id int64) ([]model.ActionChange, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.ActionChange{}
	for _, a := range s.mn().actions {
		if a.ID == id {
			out = append(out, model.ActionChange{ActionID: id, Field: model.FieldCreated, New: a.Description, At: s.Now})
		}
	}
	return out, nil
}

func (s *Store) Decisions(_ context.Context, bodyID int64, f model.DecisionFilter) ([]model.Decision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.Decision{}
	for _, d := range s.mn().decisions {
		d.ActionIDs = []int64{}
		for _, a := range s.mn().actions {
			if a.DecisionID == d.ID && !s.mn().deleted[a.ID] {
				d.ActionIDs = append(d.ActionIDs, a.ID)
			}
		}
		if d.BodyID == bodyID && f.Match(d) {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].Seq < out[j].Seq
	})
	return out, nil
}

func (s *Store) DecisionYears(_ context.Context, bodyID int64) ([]int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[int]bool{}
	out := []int{}
	for _, d := range s.mn().decisions {
		if d.BodyID == bodyID && !seen[d.Year] {
			seen[d.Year] = true
			out = append(out, d.Year)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out, nil
}

func (s *Store) CreateDecision(_ context.Context, d model.Decision) (model.Decision, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.meetingIndex(d.MeetingID); i >= 0 {
		m := s.ag().meetings[i]
		if err := model.CheckDecisionMeeting(m); err != nil {
			return d, err
		}
		d.Date, d.MeetingTitle = m.Date, m.Title()
	}
	d.Text = strings.TrimSpace(d.Text)
	if err := d.Validate(); err != nil {
		return d, err
	}
	for _, it := range s.ag().items {
		if it.ID == d.AgendaItemID {
			d.ItemTitle = it.Title
		}
	}
	mn := s.mn()
	d.Year, d.Seq = model.NextDecisionNumber(d.Date, func(y int) int {
		n := 0
		for _, x := range mn.decisions {
			if x.BodyID == d.BodyID && x.Year == y {
				n = max(n, x.Seq)
			}
		}
		return n
	})
	d.ID, d.Version = s.id(), 1
	mn.decisions = append(mn.decisions, d)
	return d, nil
}

func (s *Store) ExportActions(_ context.Context, _ int64, _ model.ActionFilter, format, path string) error {
	return s.written("acties", format, path)
}

func (s *Store) ExportDecisions(_ context.Context, _ int64, _ model.DecisionFilter, format, path string) error {
	return s.written("besluiten", format, path)
}

func (s *Store) ExportVerslag(_ context.Context, _ int64, format, path string) error {
	return s.written("verslag", format, path)
}

func (s *Store) written(kind, format, path string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.failing(); err != nil {
		return err
	}
	s.mn().Written = append(s.mn().Written, kind+" "+format+" "+path)
	return nil
}
