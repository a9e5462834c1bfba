// Package dossiers is view 6, Dossiers: the matters the council follows (adviesaanvragen,
// instemmingsverzoeken, initiatiefvoorstellen, informatieverzoeken), each with its timeline of dated
// events and the legal terms that follow from them, with why each date is what it is.
package dossiers

import (
	"cmp"
	"context"
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what Dossiers needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	Dossiers(ctx context.Context, f dossier.Filter) ([]dossier.Dossier, error)
	CreateDossier(ctx context.Context, d dossier.Dossier) (dossier.Dossier, error)
	UpdateDossier(ctx context.Context, d dossier.Dossier) (dossier.Dossier, error)
	DeleteDossier(ctx context.Context, id int64) error
	AddDossierEvent(ctx context.Context, e dossier.Event) (dossier.Event, error)
	UpdateDossierEvent(ctx context.Context, e dossier.Event) (dossier.Event, error)
	DeleteDossierEvent(ctx context.Context, id int64) error
	DossierLinks(ctx context.Context, id int64) (dossier.Links, error)
	Calendar(ctx context.Context) (termijn.Calendar, error)
}

// statusFilters are the choices of the status filter, in the order f cycles through them.
var statusFilters = []dossier.Status{dossier.StatusOpen, "", dossier.StatusClosed}

// row is a dossier as the list shows it.
type row struct {
	d     dossier.Dossier
	body  model.Body
	terms []dossier.Term
	next  dossier.Term
	has   bool
}

// Model is the Dossiers view: a list, or one dossier with its timeline and terms.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap

	bodies  []model.Body
	members []model.Member
	cal     termijn.Calendar
	all     []row
	rows    []row
	loaded  bool
	seq     int

	status    int // index in statusFilters
	kind      int // 0: every kind, else DossierKinds[kind-1]
	allBodies bool
	cur       common.Cursor

	detail  bool
	openID  int64
	links   dossier.Links
	evCur   common.Cursor
	pending int64 // a dossier asked for from elsewhere, opened once loaded
	picker  *picker
	form    *form.Model
	formFor any
	formErr string // the whole message of the last refused save; the form cuts it to one line
	width   int
	height  int
}

type loadedMsg struct {
	seq     int
	bodies  []model.Body
	members []model.Member
	cal     termijn.Calendar
	ds      []dossier.Dossier
	err     error
}

type linksMsg struct {
	id    int64
	links dossier.Links
	err   error
}

type savedMsg struct {
	text   string
	openID int64 // a dossier to open after saving
	err    error
}

// New returns the Dossiers view.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly)}
}

func (m *Model) Init() tea.Cmd { m.seq++; return load(m.st, m.seq, m.allBodies) }

func (m *Model) Capturing() bool { return m.form != nil || m.picker != nil }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
	m.cur.Clamp(len(m.rows), m.listRows())
}

// load reads the bodies, the active body's members, the calendar and the dossiers of the active body
// (or of every body).
func load(st Store, seq int, allBodies bool) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq}
		if msg.bodies, msg.err = st.Bodies(ctx); msg.err != nil {
			return msg
		}
		var active int64
		for _, b := range msg.bodies {
			if b.Active {
				active = b.ID
			}
		}
		if active != 0 {
			if msg.members, msg.err = st.Members(ctx, active); msg.err != nil {
				return msg
			}
		}
		if msg.cal, msg.err = st.Calendar(ctx); msg.err != nil {
			return msg
		}
		f := dossier.Filter{BodyID: active}
		if allBodies {
			f.BodyID = 0
		}
		msg.ds, msg.err = st.Dossiers(ctx, f)
		return msg
	}
}

func loadLinks(st Store, id int64) tea.Cmd {
	return func() tea.Msg {
		l, err := st.DossierLinks(context.Background(), id)
		return linksMsg{id: id, links: l, err: err}
	}
}

func (m *Model) activeBody() model.Body {
	for _, b := range m.bodies {
		if b.Active {
			return b
		}
	}
	return model.Body{}
}

// apply builds the rows from freshly loaded dossiers: terms per dossier under its body's rule set,
// sorted with the most urgent open dossier first.
func (m *Model) apply(msg loadedMsg) {
	m.bodies, m.members, m.cal, m.loaded = msg.bodies, msg.members, msg.cal, true
	today := m.c.Today()
	m.all = m.all[:0]
	for _, d := range msg.ds {
		r := row{d: d}
		for _, b := range m.bodies {
			if b.ID == d.BodyID {
				r.body = b
			}
		}
		r.terms = dossier.Terms(d, termijn.RuleSet(r.body.RuleSet), m.cal)
		r.next, r.has = dossier.Next(r.terms, today)
		m.all = append(m.all, r)
	}
	slices.SortStableFunc(m.all, func(a, b row) int {
		_, ca := a.d.Closed()
		_, cb := b.d.Closed()
		switch {
		case ca != cb:
			if ca {
				return 1
			}
			return -1
		case a.has != b.has:
			if a.has {
				return -1
			}
			return 1
		case a.has:
			if c := a.next.End.Compare(b.next.End); c != 0 {
				return c
			}
		}
		return cmp.Or(b.d.StartedOn.Compare(a.d.StartedOn), cmp.Compare(b.d.ID, a.d.ID))
	})
	m.filter()
}

// filter picks the rows the status and kind filters let through.
func (m *Model) filter() {
	var sel int64
	if m.cur.Index < len(m.rows) {
		sel = m.rows[m.cur.Index].d.ID
	}
	m.rows = m.rows[:0]
	for _, r := range m.all {
		if st := statusFilters[m.status]; st != "" && r.d.Status != st {
			continue
		}
		if m.kind > 0 && r.d.Kind != termijn.DossierKinds[m.kind-1] {
			continue
		}
		m.rows = append(m.rows, r)
	}
	for i, r := range m.rows {
		if r.d.ID == sel {
			m.cur.Index = i
		}
	}
	m.cur.Clamp(len(m.rows), m.listRows())
}

// current is the open dossier's row; ok is false when it is gone (deleted elsewhere).
func (m *Model) current() (row, bool) {
	for _, r := range m.all {
		if r.d.ID == m.openID {
			return r, true
		}
	}
	return row{}, false
}

func (m *Model) listRows() int { return max(m.height-5, 1) }

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.apply(msg)
		if m.pending != 0 {
			id := m.pending
			m.pending = 0
			return m, m.openDossier(id)
		}
		if m.detail {
			if r, ok := m.current(); ok {
				m.evCur.Clamp(len(r.d.Events), m.timelineRows())
				return m, loadLinks(m.st, m.openID)
			}
			m.detail = false
		}
		return m, nil
	case linksMsg:
		if msg.id == m.openID && msg.err == nil {
			m.links = msg.links
		}
		return m, nil
	case common.ReloadMsg, common.BodyChangedMsg:
		if _, ok := msg.(common.BodyChangedMsg); ok && !m.allBodies {
			m.detail, m.picker, m.form = false, nil, nil
		}
		m.seq++
		return m, load(m.st, m.seq, m.allBodies)
	case common.SwitchTabMsg:
		if msg.Tab != common.TabDossiers || msg.ID == 0 {
			return m, nil
		}
		m.form, m.picker = nil, nil
		if !m.loaded {
			m.pending = msg.ID
			return m, nil
		}
		return m, m.openDossier(msg.ID)
	case savedMsg:
		return m.saved(msg)
	case form.SubmitMsg:
		return m, m.save(msg)
	case form.CancelMsg:
		m.form, m.formErr = nil, ""
		return m, nil
	case tea.KeyMsg:
		switch {
		case m.form != nil:
			var cmd tea.Cmd
			m.form, cmd = m.form.Update(msg)
			return m, cmd
		case m.picker != nil:
			return m.pickerKey(msg)
		case m.detail:
			return m.detailKey(msg)
		}
		return m.listKey(msg)
	}
	return m, nil
}

// openDossier shows one dossier; one that another filter hides is shown all the same.
func (m *Model) openDossier(id int64) tea.Cmd {
	m.openID = id
	if _, ok := m.current(); !ok {
		if !m.allBodies {
			// It may belong to another body: look in all of them.
			m.allBodies, m.pending = true, id
			m.seq++
			return load(m.st, m.seq, true)
		}
		m.detail = false
		return common.Error(model.ErrNotFound)
	}
	m.detail, m.evCur, m.links = true, common.Cursor{}, dossier.Links{}
	return loadLinks(m.st, id)
}

func (m *Model) listKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, len(m.rows), m.listRows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, len(m.rows), m.listRows())
	case key.Matches(msg, k.Open) && len(m.rows) > 0:
		return m, m.openDossier(m.rows[m.cur.Index].d.ID)
	case key.Matches(msg, k.Status):
		m.status = (m.status + 1) % len(statusFilters)
		m.filter()
	case key.Matches(msg, k.Kind):
		m.kind = (m.kind + 1) % (len(termijn.DossierKinds) + 1)
		m.filter()
	case key.Matches(msg, k.Bodies):
		m.allBodies = !m.allBodies
		m.seq++
		return m, load(m.st, m.seq, m.allBodies)
	case key.Matches(msg, k.New):
		m.openDossierForm(dossier.Dossier{})
	case key.Matches(msg, k.Edit) && len(m.rows) > 0:
		m.openDossierForm(m.rows[m.cur.Index].d)
	case key.Matches(msg, k.Delete) && len(m.rows) > 0:
		d := m.rows[m.cur.Index].d
		st := m.st
		return m, func() tea.Msg {
			return savedMsg{text: "Dossier " + d.Title + " naar de prullenbak (P)", err: st.DeleteDossier(context.Background(), d.ID)}
		}
	}
	return m, nil
}

func (m *Model) detailKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	r, ok := m.current()
	if !ok {
		m.detail = false
		return m, nil
	}
	evs := dossier.Sorted(r.d.Events)
	switch {
	case key.Matches(msg, k.Back):
		m.detail = false
	case key.Matches(msg, k.Up):
		m.evCur.Move(-1, len(evs), m.timelineRows())
	case key.Matches(msg, k.Down):
		m.evCur.Move(1, len(evs), m.timelineRows())
	case key.Matches(msg, k.New):
		m.picker = newPicker(r.d.Kind)
	case (key.Matches(msg, k.Edit) || key.Matches(msg, k.Open) && !m.c.ReadOnly) && len(evs) > 0:
		m.openEventForm(r.d, evs[m.evCur.Index])
	case key.Matches(msg, k.EditDossier):
		m.openDossierForm(r.d)
	case key.Matches(msg, k.Delete) && len(evs) > 0:
		e := evs[m.evCur.Index]
		st, label := m.st, e.Label(r.d.Kind)
		return m, func() tea.Msg {
			return savedMsg{text: "\"" + label + "\" naar de prullenbak (P)", err: st.DeleteDossierEvent(context.Background(), e.ID)}
		}
	}
	return m, nil
}
