package fake

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// agendaState is the fake's agenda data. It lives beside the Store (keyed by it) rather than in it, so
// the agenda feature adds its part of the fake without touching the shared struct; s.mu guards it.
type agendaState struct {
	meetings    []model.Meeting
	deleted     map[int64]bool
	items       []model.AgendaItem
	backlog     []model.BacklogTopic
	templates   map[string][]model.TemplateItem
	impositions []model.Imposition
	documents   []model.AttachedDocument
	docBody     map[int64]int64
	attached    map[int64][]int64
	// Exports records every export written, "format path".
	Exports  []string
	failNext error
}

var agendas sync.Map // *Store -> *agendaState

func (s *Store) ag() *agendaState {
	v, _ := agendas.LoadOrStore(s, &agendaState{deleted: map[int64]bool{}, templates: map[string][]model.TemplateItem{},
		docBody: map[int64]int64{}, attached: map[int64][]int64{}})
	return v.(*agendaState)
}

// Exports lists the exports written so far ("pdf /tmp/x.pdf").
func (s *Store) Exports() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{}, s.ag().Exports...)
}

// AddAttachable puts a document in the fake archive, for attaching to agenda items.
func (s *Store) AddAttachable(bodyID int64, title, fileName string) model.AttachedDocument {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := model.AttachedDocument{ID: s.id(), Title: title, FileName: fileName, Size: 1000}
	a := s.ag()
	a.documents = append(a.documents, d)
	a.docBody[d.ID] = bodyID
	return d
}

func (s *Store) meetingIndex(id int64) int {
	for i, m := range s.ag().meetings {
		if m.ID == id && !s.ag().deleted[id] {
			return i
		}
	}
	return -1
}

func (s *Store) itemsOf(meetingID int64) []model.AgendaItem {
	var out []model.AgendaItem
	for _, it := range s.ag().items {
		if it.MeetingID == meetingID {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

// setItems replaces a meeting's items with list, renumbered.
func (s *Store) setItems(meetingID int64, list []model.AgendaItem) {
	a := s.ag()
	var rest []model.AgendaItem
	for _, it := range a.items {
		if it.MeetingID != meetingID {
			rest = append(rest, it)
		}
	}
	a.items = append(rest, model.Renumber(list)...)
}

func (s *Store) term(m model.Meeting, today model.Date) model.AgendaTerm {
	var t model.AgendaTerm
	if m.Kind.HasAgendaTerm() {
		dl := termijn.Compute(termijn.AgendaRule(0), m.Date, termijn.Calendar{})
		t.Due, t.Note, t.Article = dl.End, dl.Note, dl.Article
	}
	t.State, t.Late, t.Warning = model.AgendaState(m, t.Due, today)
	return t
}

func (s *Store) MeetingRows(_ context.Context, bodyID int64, today model.Date) ([]model.MeetingRow, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []model.MeetingRow{}
	for _, m := range s.ag().meetings {
		if m.BodyID != bodyID || s.ag().deleted[m.ID] {
			continue
		}
		r := model.MeetingRow{Meeting: m, Term: s.term(m, today)}
		for _, it := range s.itemsOf(m.ID) {
			r.Items++
			r.Minutes += it.Minutes
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := out[i].Date.Before(today), out[j].Date.Before(today)
		if pi != pj {
			return !pi
		}
		if pi {
			return out[i].Date.After(out[j].Date)
		}
		return out[i].Date.Before(out[j].Date) || out[i].Date.Equal(out[j].Date) && out[i].Start < out[j].Start
	})
	return out, nil
}

// MeetingPage is a window of MeetingRows, like the store's.
func (s *Store) MeetingPage(ctx context.Context, bodyID int64, today model.Date, offset, limit int) (model.MeetingPage, error) {
	all, err := s.MeetingRows(ctx, bodyID, today)
	if err != nil {
		return model.MeetingPage{}, err
	}
	var p model.MeetingPage
	p.Total = len(all)
	p.Offset = min(max(offset, 0), p.Total)
	p.Rows = append([]model.MeetingRow{}, all[p.Offset:min(p.Offset+max(limit, 0), p.Total)]...)
	for _, r := range all {
		if r.Term.Late {
			p.Late++
		}
		if p.Next.ID == 0 && !r.Date.Before(today) && r.Status != model.MeetingHeld && r.Status != model.MeetingCancelled {
			p.Next = r.Meeting
		}
	}
	return p, nil
}

func (s *Store) MeetingPosition(ctx context.Context, bodyID int64, today model.Date, id int64) (int, error) {
	all, err := s.MeetingRows(ctx, bodyID, today)
	if err != nil {
		return 0, err
	}
	for i, r := range all {
		if r.ID == id {
			return i, nil
		}
	}
	return 0, model.ErrNotFound
}

func (s *Store) PreviousMeeting(_ context.Context, bodyID int64, kind model.MeetingKind, before model.Date, except int64) (model.Meeting, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var last model.Meeting
	for _, m := range s.ag().meetings {
		if m.BodyID != bodyID || s.ag().deleted[m.ID] || m.Kind != kind || !m.Date.Before(before) || m.ID == except || m.Chair == "" {
			continue
		}
		if last.ID == 0 || m.Date.After(last.Date) || m.Date.Equal(last.Date) && m.Start > last.Start {
			last = m
		}
	}
	if last.ID == 0 {
		return last, model.ErrNotFound
	}
	return last, nil
}

func (s *Store) Meeting(_ context.Context, id int64) (model.Meeting, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i := s.meetingIndex(id); i >= 0 {
		return s.ag().meetings[i], nil
	}
	return model.Meeting{}, model.ErrNotFound
}

func (s *Store) MeetingTerm(_ context.Context, m model.Meeting, today model.Date) (model.AgendaTerm, error) {
	return s.term(m, today), nil
}

func (s *Store) AgendaItems(_ context.Context, meetingID int64) ([]model.AgendaItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]model.AgendaItem{}, s.itemsOf(meetingID)...), nil
}

func (s *Store) MeetingDocuments(_ context.Context, meetingID int64) (map[int64][]model.AttachedDocument, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int64][]model.AttachedDocument{}
	for _, it := range s.itemsOf(meetingID) {
		for _, id := range s.ag().attached[it.ID] {
			for _, d := range s.ag().documents {
				if d.ID == id {
					out[it.ID] = append(out[it.ID], d)
				}
			}
		}
	}
	return out, nil
}

func (s *Store) newMeeting(m model.Meeting) model.Meeting {
	if m.Status == "" {
		m.Status = model.MeetingConcept
	}
	m.ID, m.Version = s.id(), 1
	a := s.ag()
	a.meetings = append(a.meetings, m)
	tpl := a.templates[tplKey(m.BodyID, m.Kind)]
	if len(tpl) == 0 {
		tpl = model.DefaultTemplate(m.Kind)
	}
	items := model.TemplateItems(tpl, m)
	for i := range items {
		items[i].ID, items[i].MeetingID, items[i].Version = s.id(), m.ID, 1
	}
	s.setItems(m.ID, items)
	return m
}

func (s *Store) NewMeeting(_ context.Context, m model.Meeting) (model.Meeting, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newMeeting(m), nil
}

func (s *Store) PlanSeries(_ context.Context, sr model.Series) ([]model.Meeting, error) {
	if err := sr.Validate(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []model.Meeting
	for _, m := range sr.Meetings() {
		out = append(out, s.newMeeting(m))
	}
	return out, nil
}

func (s *Store) UpdateMeeting(_ context.Context, m model.Meeting) (model.Meeting, error) {
	if err := m.Validate(); err != nil {
		return m, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.meetingIndex(m.ID)
	if i < 0 {
		return m, model.ErrNotFound
	}
	if s.ag().meetings[i].Version != m.Version {
		return m, model.ErrConflict
	}
	m.Version++
	s.ag().meetings[i] = m
	return m, nil
}

func (s *Store) MarkAgendaSent(ctx context.Context, m model.Meeting, on model.Date) (model.Meeting, error) {
	m.AgendaSent = on
	switch {
	case !on.IsZero() && m.Status == model.MeetingConcept:
		m.Status = model.MeetingAgendaSent
	case on.IsZero() && m.Status == model.MeetingAgendaSent:
		m.Status = model.MeetingConcept
	}
	return s.UpdateMeeting(ctx, m)
}

func (s *Store) DeleteMeeting(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.meetingIndex(id)
	if i < 0 {
		return model.ErrNotFound
	}
	s.ag().deleted[id] = true
	s.bin = append(s.bin, model.BinEntry{ID: s.id(), Kind: "meetings", RefID: id, Label: s.ag().meetings[i].Title(), DeletedAt: s.Now})
	return nil
}

// FailNext makes the next agenda add or move fail with err, as a full disk would.
func (s *Store) FailNext(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ag().failNext = err
}

func (s *Store) failing() error {
	err := s.ag().failNext
	s.ag().failNext = nil
	return err
}

func (s *Store) AddAgendaItem(_ context.Context, it model.AgendaItem) (model.AgendaItem, error) {
	if err := model.CheckItem(it); err != nil {
		return it, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.failing(); err != nil {
		return it, err
	}
	if s.meetingIndex(it.MeetingID) < 0 {
		return it, model.ErrNotFound
	}
	list := s.itemsOf(it.MeetingID)
	if it.Position < 1 || it.Position > len(list)+1 {
		it.Position = model.InsertPosition(list)
	}
	it.ID, it.Version = s.id(), 1
	at := it.Position - 1
	list = append(list[:at], append([]model.AgendaItem{it}, list[at:]...)...)
	s.setItems(it.MeetingID, list)
	return it, nil
}

func (s *Store) UpdateAgendaItem(_ context.Context, it model.AgendaItem) (model.AgendaItem, error) {
	if err := model.CheckItem(it); err != nil {
		return it, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, old := range s.ag().items {
		if old.ID == it.ID {
			if old.Version != it.Version {
				return it, model.ErrConflict
			}
			it.Version++
			it.Position = old.Position
			s.ag().items[i] = it
			return it, nil
		}
	}
	return it, model.ErrNotFound
}

func (s *Store) removeItem(id int64) (model.AgendaItem, bool) {
	for _, it := range s.ag().items {
		if it.ID == id {
			var list []model.AgendaItem
			for _, o := range s.itemsOf(it.MeetingID) {
				if o.ID != id {
					list = append(list, o)
				}
			}
			s.setItems(it.MeetingID, list)
			return it, true
		}
	}
	return model.AgendaItem{}, false
}

func (s *Store) DeleteAgendaItem(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.removeItem(id)
	if !ok {
		return model.ErrNotFound
	}
	s.bin = append(s.bin, model.BinEntry{ID: s.id(), Kind: "agenda_items", RefID: id, Label: it.Title, DeletedAt: s.Now})
	return nil
}

func (s *Store) MoveAgendaItem(_ context.Context, id int64, delta int) ([]model.AgendaItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.failing(); err != nil {
		return nil, err
	}
	for _, it := range s.ag().items {
		if it.ID == id {
			list := s.itemsOf(it.MeetingID)
			for i, o := range list {
				if o.ID == id {
					list, _ = model.Move(list, i, delta)
				}
			}
			s.setItems(it.MeetingID, list)
			return append([]model.AgendaItem{}, list...), nil
		}
	}
	return nil, model.ErrNotFound
}

func (s *Store) SetItemOutcome(_ context.Context, id int64, o model.ItemOutcome) (model.AgendaItem, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, it := range s.ag().items {
		if it.ID == id {
			if it.Role != model.RoleNone && o != model.OutcomeNone && o != model.OutcomeTreated {
				return it, model.Invalid("outcome", "een vast agendapunt komt vanzelf terug via het sjabloon")
			}
			s.ag().items[i].Outcome = o
			s.ag().items[i].Version++
			return s.ag().items[i], nil
		}
	}
	return model.AgendaItem{}, model.ErrNotFound
}

func (s *Store) CreateImposition(_ context.Context, i model.Imposition) (model.Imposition, error) {
	if err := i.Validate(); err != nil {
		return i, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	i.ID, i.Version = s.id(), 1
	s.ag().impositions = append(s.ag().impositions, i)
	return i, nil
}

func (s *Store) ExportAgenda(_ context.Context, meetingID int64, format string, openbaar bool, path string) error {
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return model.Invalid("path", "de map "+filepath.Dir(path)+" bestaat niet; kies een bestaande map")
	}
	if _, err := s.Meeting(context.Background(), meetingID); err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte("agenda "+format), 0o600); err != nil {
		return errors.New("kan niet schrijven")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	v := format + " " + path
	if openbaar {
		v += " openbaar"
	}
	s.ag().Exports = append(s.ag().Exports, v)
	return nil
}
