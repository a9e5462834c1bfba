// Package dossiers is view 6, Dossiers: the matters the council follows (adviesaanvragen,
// instemmingsverzoeken, initiatiefvoorstellen, informatieverzoeken), each with its timeline of dated
// events and the legal terms that follow from them, with why each date is what it is.
package dossiers

import (
	"cmp"
	"context"
	"errors"
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
	DossierPage(ctx context.Context, f dossier.Filter, offset, limit int) (model.Page[dossier.Dossier], error)
	Dossier(ctx context.Context, id int64) (dossier.Dossier, error)
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
//
// The list is the open dossiers, most urgent first, then the closed ones, latest started first. The open
// ones are the council's work in hand and their order follows from their terms, so they are read whole;
// the closed ones are its history and are paged from the database (closed holds one window of them).
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap

	bodies  []model.Body
	members []model.Member
	cal     termijn.Calendar
	open    []row
	closed  common.Window[dossier.Dossier]
	closedR []row // closed's rows with their terms
	any     bool  // whether the body (or every body) has any dossier, whatever the filters
	loaded  bool
	seq     int
	pageSeq int // of the latest load of a window of closed dossiers
	keep    int64

	status    int // index in statusFilters
	kind      int // 0: every kind, else DossierKinds[kind-1]
	allBodies bool
	cur       common.Cursor

	detail  bool
	openID  int64
	shown   row // the open dossier, read by its id
	jump    int64
	links   dossier.Links
	evCur   common.Cursor
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
	open    []dossier.Dossier
	page    pageMsg
	any     bool
	shown   *dossier.Dossier // the dossier asked for by id; nil when none was asked or it is gone
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
	keep   int64 // a dossier to keep selected in the list
	err    error
}

// New returns the Dossiers view.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly),
		closed: common.Window[dossier.Dossier]{Size: common.PageSize(pageSize)}}
}

func (m *Model) Init() tea.Cmd { return m.reload() }

func (m *Model) Capturing() bool { return m.form != nil || m.picker != nil }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
	m.cur.Clamp(m.total(), m.listRows())
}

// query is what one load reads: the filters, the window of closed dossiers and the open dossier.
type query struct {
	seq, pageSeq int
	allBodies    bool
	status       dossier.Status
	kind         termijn.DossierKind
	off, size    int
	openID       int64
}

// reload asks for everything on screen again; older answers are dropped.
func (m *Model) reload() tea.Cmd {
	m.seq++
	q := query{seq: m.seq, allBodies: m.allBodies, status: statusFilters[m.status], kind: m.kindFilter(), openID: m.openID}
	m.pageSeq++
	q.pageSeq = m.pageSeq
	q.off, q.size = m.closed.Around(m.closedTop(), m.listRows())
	return load(m.st, q)
}

func (m *Model) kindFilter() termijn.DossierKind {
	if m.kind == 0 {
		return ""
	}
	return termijn.DossierKinds[m.kind-1]
}

// load reads the bodies, the active body's members, the calendar, the open dossiers of the filter, a
// window of its closed ones, and the open dossier, of the active body or of every body.
func load(st Store, q query) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: q.seq, page: pageMsg{seq: q.pageSeq}}
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
		f := dossier.Filter{BodyID: active, Kind: q.kind}
		if q.allBodies {
			f.BodyID = 0
		}
		if q.status != dossier.StatusClosed {
			of := f
			of.Status = dossier.StatusOpen
			if msg.open, msg.err = st.Dossiers(ctx, of); msg.err != nil {
				return msg
			}
		}
		if q.status != dossier.StatusOpen {
			if msg.page = loadClosed(ctx, st, f, q.pageSeq, q.off, q.size); msg.page.err != nil {
				msg.err = msg.page.err
				return msg
			}
		}
		msg.any = len(msg.open) > 0 || msg.page.page.Total > 0
		if !msg.any {
			p, err := st.DossierPage(ctx, dossier.Filter{BodyID: f.BodyID}, 0, 0)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.any = p.Total > 0
		}
		if q.openID != 0 {
			d, err := st.Dossier(ctx, q.openID)
			switch {
			case err == nil:
				msg.shown = &d
			case !errors.Is(err, model.ErrNotFound):
				msg.err = err
			}
		}
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

// rowOf is a dossier with its body and its terms under the body's rule set.
func (m *Model) rowOf(d dossier.Dossier) row {
	r := row{d: d}
	for _, b := range m.bodies {
		if b.ID == d.BodyID {
			r.body = b
		}
	}
	r.terms = dossier.Terms(d, termijn.RuleSet(r.body.RuleSet), m.cal)
	r.next, r.has = dossier.Next(r.terms, m.c.Today())
	return r
}

// apply takes freshly loaded dossiers: the open ones sorted with the most urgent first, the window of
// closed ones, and the open dossier.
func (m *Model) apply(msg loadedMsg) {
	m.bodies, m.members, m.cal, m.any, m.loaded = msg.bodies, msg.members, msg.cal, msg.any, true
	m.open = m.open[:0]
	for _, d := range msg.open {
		m.open = append(m.open, m.rowOf(d))
	}
	slices.SortStableFunc(m.open, func(a, b row) int {
		switch {
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
	if msg.page.seq == m.pageSeq {
		m.closed.Set(msg.page.page)
		m.closedTerms()
	}
	m.shown = row{}
	if msg.shown != nil {
		m.shown = m.rowOf(*msg.shown)
	}
	if m.keep != 0 {
		for i := range m.total() {
			if r, ok := m.rowAt(i); ok && r.d.ID == m.keep {
				m.cur.Index = i
			}
		}
		m.keep = 0
	}
	m.cur.Clamp(m.total(), m.listRows())
}

// current is the open dossier's row; ok is false while it is on its way, or when it is gone (deleted
// elsewhere).
func (m *Model) current() (row, bool) {
	return m.shown, m.openID != 0 && m.shown.d.ID == m.openID
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
		if m.openID == 0 {
			return m, m.ensurePage()
		}
		if _, ok := m.current(); !ok {
			jumped := m.jump == m.openID
			m.detail, m.openID, m.jump = false, 0, 0
			if jumped {
				return m, common.Error(model.ErrNotFound)
			}
			return m, m.ensurePage()
		}
		if m.jump == m.openID {
			m.jump, m.detail, m.evCur, m.links = 0, true, common.Cursor{}, dossier.Links{}
		}
		if m.detail {
			r, _ := m.current()
			m.evCur.Clamp(len(r.d.Events), m.timelineRows())
			return m, loadLinks(m.st, m.openID)
		}
		return m, m.ensurePage()
	case pageMsg:
		if ok, cmd := m.closed.Loaded(msg.seq, m.pageSeq, msg.page, msg.err); !ok {
			return m, cmd
		}
		m.closedTerms()
		m.cur.Clamp(m.total(), m.listRows())
		return m, m.ensurePage()
	case linksMsg:
		if msg.id == m.openID && msg.err == nil {
			m.links = msg.links
		}
		return m, nil
	case common.ReloadMsg, common.BodyChangedMsg:
		if _, ok := msg.(common.BodyChangedMsg); ok && !m.allBodies {
			m.detail, m.picker, m.form, m.openID = false, nil, nil, 0
		}
		return m, m.reload()
	case common.SwitchTabMsg:
		if msg.Tab != common.TabDossiers || msg.ID == 0 {
			return m, nil
		}
		m.form, m.picker = nil, nil
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

// openDossier shows one dossier, whatever the filters and whichever body it belongs to. One from the
// list shows at once; another is read by its id first.
func (m *Model) openDossier(id int64) tea.Cmd {
	m.openID = id
	for i := range m.total() {
		if r, ok := m.rowAt(i); ok && r.d.ID == id {
			m.shown, m.detail, m.evCur, m.links = r, true, common.Cursor{}, dossier.Links{}
			return loadLinks(m.st, id)
		}
	}
	m.jump, m.detail = id, false
	return m.reload()
}

func (m *Model) listKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	if k.list().Move(msg, &m.cur, m.listRows(), m.total()) {
		return m, m.ensurePage()
	}
	sel, ok := m.rowAt(m.cur.Index)
	switch {
	case key.Matches(msg, k.Open) && ok:
		return m, m.openDossier(sel.d.ID)
	case key.Matches(msg, k.Status):
		m.status = (m.status + 1) % len(statusFilters)
		return m, m.refilter(sel.d.ID)
	case key.Matches(msg, k.Kind):
		m.kind = (m.kind + 1) % (len(termijn.DossierKinds) + 1)
		return m, m.refilter(sel.d.ID)
	case key.Matches(msg, k.Bodies):
		m.allBodies = !m.allBodies
		return m, m.refilter(sel.d.ID)
	case key.Matches(msg, k.New):
		m.openDossierForm(dossier.Dossier{})
	case key.Matches(msg, k.Edit) && ok:
		m.openDossierForm(sel.d)
	case key.Matches(msg, k.Delete) && ok:
		d := sel.d
		st := m.st
		// The cursor stays where it is: the next dossier takes the deleted one's place.
		return m, func() tea.Msg {
			return savedMsg{text: "Dossier " + d.Title + " naar de prullenbak (P)", err: st.DeleteDossier(context.Background(), d.ID)}
		}
	}
	return m, nil
}

// refilter reads the list again under changed filters, keeping the selected dossier selected when it
// passes them.
func (m *Model) refilter(keep int64) tea.Cmd {
	m.keep = keep
	return m.reload()
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
