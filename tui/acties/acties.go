// Package acties is view 3, Acties: the actielijst of the active body with filters (open, te laat, owner,
// meeting, dossier), sorted by due date, quick keys for status and postponing, inline edit, undo and the
// prullenbak; and the besluitenlijst with search and filters by year and meeting.
package acties

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
	"github.com/werkbank-nl/werkbank/tui/notulen"
)

// Store is what the Acties view needs of the database. The lists are read a window at a time
// (ActionsPage, DecisionsPage) and the meetings and dossiers of the filter form only when it opens, so
// that nothing the screen loads grows with the years of a council.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error)
	Meeting(ctx context.Context, id int64) (model.Meeting, error)
	MeetingChoices(ctx context.Context, bodyID int64, day model.Date, limit int) ([]model.Meeting, error)
	DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error)
	ActionsPage(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date, r model.PageRequest) (model.ActionPage, error)
	CreateAction(ctx context.Context, a model.Action) (model.Action, error)
	UpdateAction(ctx context.Context, a model.Action) (model.Action, error)
	SetActionStatus(ctx context.Context, a model.Action, st model.ActionStatus) (model.Action, error)
	PostponeAction(ctx context.Context, a model.Action, days int) (model.Action, error)
	DeleteAction(ctx context.Context, id int64) error
	UndoLastActionChange(ctx context.Context, bodyID int64) (model.Action, string, error)
	ActionHistory(ctx context.Context, actionID int64) ([]model.ActionChange, error)
	DecisionsPage(ctx context.Context, bodyID int64, f model.DecisionFilter, r model.PageRequest) (model.DecisionPage, error)
	DecisionYears(ctx context.Context, bodyID int64) ([]int, error)
	ExportActions(ctx context.Context, bodyID int64, f model.ActionFilter, format, path string) error
	ExportDecisions(ctx context.Context, bodyID int64, f model.DecisionFilter, format, path string) error
}

type mode int

const (
	modeActions mode = iota
	modeDecisions
	modeHistory
)

// show is the quick filter cycled with v.
type show int

const (
	showOpen show = iota
	showAll
	showLate
)

// Model is the Acties view.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap
	mode mode

	body   model.Body
	owners []string

	show    show
	filter  model.ActionFilter // owner, meeting and dossier; open and late come from show
	acts    window[model.Action]
	late    int           // late actions in the whole filtered list
	meeting model.Meeting // of the meeting filter, for the header
	dossier string        // title of the dossier filter, for the header
	// loading is set while a whole reload (body, owners, page) is on its way: scrolling waits for it.
	loading bool

	decs      window[model.Decision]
	years     []int
	dfilter   model.DecisionFilter
	dmeeting  model.Meeting // of the decisions' meeting filter
	search    textinput.Model
	searching bool

	history []model.ActionChange
	histFor model.Action

	form       *form.Model
	formTarget any
	choices    choicesMsg // the meetings and dossiers the filter form offers

	seq, dseq     int
	focus         int64
	width, height int
}

// New returns the Acties view.
func New(c common.Common, st Store) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly), search: in, dfilter: model.DecisionFilter{Year: c.Today().Year()},
		acts: newWindow[model.Action](), decs: newWindow[model.Decision]()}
}

func (m *Model) Init() tea.Cmd   { return m.reload() }
func (m *Model) Capturing() bool { return m.form != nil || m.searching }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func (m *Model) today() model.Date { return m.c.Today() }

// listFilter is the store filter for what the screen shows.
func (m *Model) listFilter() model.ActionFilter {
	f := m.filter
	f.OpenOnly, f.Overdue = m.show == showOpen, m.show == showLate
	return f
}

// loadedMsg answers a reload: the active body and its owners (full) and a window of its actions.
type loadedMsg struct {
	seq     int
	full    bool
	body    model.Body
	owners  []string
	meeting model.Meeting
	page    model.ActionPage
	err     error
}

type decisionsMsg struct {
	seq     int
	page    model.DecisionPage
	years   []int
	meeting model.Meeting
	err     error
}

type historyMsg struct {
	a       model.Action
	changes []model.ActionChange
	err     error
}

// savedMsg reports a write; focus is the action the cursor should land on after the reload.
type savedMsg struct {
	text  string
	err   error
	focus int64
}

// load reads the active body, its owners, the meeting of the filter and the window r of its actions.
func load(st Store, f model.ActionFilter, today model.Date, r model.PageRequest, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq, full: true}
		bodies, err := st.Bodies(ctx)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, b := range bodies {
			if b.Active {
				msg.body = b
			}
		}
		id := msg.body.ID
		if id == 0 {
			return msg
		}
		members, err := st.Members(ctx, id)
		if err != nil {
			msg.err = err
			return msg
		}
		b, err := st.Bestuurder(ctx, id)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			msg.err = err
			return msg
		}
		msg.owners = model.Owners(members, b.Name)
		if f.MeetingID != 0 {
			if msg.meeting, err = st.Meeting(ctx, f.MeetingID); err != nil && !errors.Is(err, model.ErrNotFound) {
				msg.err = err
				return msg
			}
		}
		msg.page, msg.err = st.ActionsPage(ctx, id, f, today, r)
		return msg
	}
}

// loadActions reads a window of the list for the body already shown (and the meeting of the filter).
func loadActions(st Store, bodyID int64, f model.ActionFilter, today model.Date, r model.PageRequest, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq}
		if f.MeetingID != 0 {
			var err error
			if msg.meeting, err = st.Meeting(ctx, f.MeetingID); err != nil && !errors.Is(err, model.ErrNotFound) {
				msg.err = err
				return msg
			}
		}
		msg.page, msg.err = st.ActionsPage(ctx, bodyID, f, today, r)
		return msg
	}
}

// loadDecisions reads a window of the besluitenlijst; with years, also the years that have decisions
// and the meeting of the filter.
func loadDecisions(st Store, bodyID int64, f model.DecisionFilter, r model.PageRequest, years bool, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := decisionsMsg{seq: seq}
		if msg.page, msg.err = st.DecisionsPage(ctx, bodyID, f, r); msg.err != nil || !years {
			return msg
		}
		if f.MeetingID != 0 {
			var err error
			if msg.meeting, err = st.Meeting(ctx, f.MeetingID); err != nil && !errors.Is(err, model.ErrNotFound) {
				msg.err = err
				return msg
			}
		}
		msg.years, msg.err = st.DecisionYears(ctx, bodyID)
		return msg
	}
}

func loadHistory(st Store, a model.Action) tea.Cmd {
	return func() tea.Msg {
		ch, err := st.ActionHistory(context.Background(), a.ID)
		return historyMsg{a: a, changes: ch, err: err}
	}
}

// reload asks for fresh data: the body, its owners and the window around the cursor (or around the
// action in m.focus); answers to older requests are dropped when they arrive.
func (m *Model) reload() tea.Cmd {
	m.seq++
	m.loading = true
	cmds := []tea.Cmd{load(m.st, m.listFilter(), m.today(), m.acts.around(m.listRows(), m.focus), m.seq)}
	if m.body.ID != 0 && m.mode == modeDecisions {
		cmds = append(cmds, m.reloadDecisions())
	}
	return tea.Batch(cmds...)
}

// refresh reads the actions again after a write or a new filter, around the cursor or m.focus: the
// body and its owners stay. The besluitenlijst is read when it shows (B reads it again).
func (m *Model) refresh() tea.Cmd {
	if m.body.ID == 0 || m.loading {
		return m.reload()
	}
	m.seq++
	cmds := []tea.Cmd{loadActions(m.st, m.body.ID, m.listFilter(), m.today(), m.acts.around(m.listRows(), m.focus), m.seq)}
	if m.mode == modeDecisions {
		cmds = append(cmds, m.reloadDecisions())
	}
	return tea.Batch(cmds...)
}

// ensureActions loads the window the cursor is moving into, before it gets there.
func (m *Model) ensureActions() tea.Cmd {
	if m.body.ID == 0 || m.loading {
		return nil
	}
	r, ok := m.acts.want(m.listRows())
	if !ok {
		return nil
	}
	m.seq++
	return loadActions(m.st, m.body.ID, m.listFilter(), m.today(), r, m.seq)
}

func (m *Model) reloadDecisions() tea.Cmd {
	m.dseq++
	return loadDecisions(m.st, m.body.ID, m.dfilter, m.decs.around(m.decisionRows(), 0), true, m.dseq)
}

// ensureDecisions loads the window of the besluitenlijst the cursor is moving into.
func (m *Model) ensureDecisions() tea.Cmd {
	r, ok := m.decs.want(m.decisionRows())
	if !ok || m.body.ID == 0 {
		return nil
	}
	m.dseq++
	return loadDecisions(m.st, m.body.ID, m.dfilter, r, false, m.dseq)
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return m.loaded(msg)
	case decisionsMsg:
		if msg.seq != m.dseq {
			return m, nil
		}
		if msg.err != nil {
			m.decs.Forget()
			return m, common.Error(msg.err)
		}
		if msg.years != nil {
			m.years, m.dmeeting = msg.years, msg.meeting
		}
		m.decs.set(msg.page.Page, -1, m.decisionRows())
		return m, m.ensureDecisions()
	case choicesMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		if m.form == nil && m.mode == modeActions {
			m.filterForm(msg)
		}
	case historyMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.mode, m.histFor, m.history = modeHistory, msg.a, msg.changes
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, m.reload()
	case savedMsg:
		return m.saved(msg)
	case form.SubmitMsg:
		return m, m.submit(msg)
	case form.CancelMsg:
		m.form, m.formTarget = nil, nil
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// loaded takes a window of the actielijst, and on a whole reload the body and its owners too.
func (m *Model) loaded(msg loadedMsg) (*Model, tea.Cmd) {
	if msg.seq != m.seq {
		return m, nil
	}
	m.loading = false
	if msg.err != nil {
		m.acts.Forget()
		return m, common.Error(msg.err)
	}
	var cmd tea.Cmd
	if msg.full {
		first, other := m.body.ID == 0 && msg.body.ID != 0, m.body.ID != 0 && msg.body.ID != m.body.ID
		m.body, m.owners = msg.body, msg.owners
		switch {
		case first && m.mode == modeDecisions:
			cmd = m.reloadDecisions()
		case other:
			// Another body: its whole list from the top, unfiltered.
			m.mode, m.filter, m.dossier = modeActions, model.ActionFilter{}, ""
			m.acts.reset()
			return m, m.reload()
		}
	}
	m.late, m.meeting, m.focus = msg.page.Late, msg.meeting, 0
	m.acts.set(msg.page.Page, msg.page.Focus, m.listRows())
	return m, tea.Batch(cmd, m.ensureActions())
}

// saved shows the result of a write: a field error goes back to its field in the open form; a conflict
// closes the form and shows the fresh data.
func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	if msg.err == nil {
		m.form, m.formTarget = nil, nil
		m.focus = msg.focus
		return m, tea.Batch(common.Status(msg.text), m.refresh())
	}
	var fe *model.FieldError
	switch {
	case m.form != nil && errors.As(msg.err, &fe):
		m.form.SetError(fe.Field, fe.Message)
		return m, nil
	case m.form != nil && !errors.Is(msg.err, model.ErrConflict):
		m.form.Err = common.ErrorText(msg.err)
		return m, nil
	}
	m.form, m.formTarget = nil, nil
	return m, tea.Batch(common.Error(msg.err), m.refresh())
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if m.form != nil {
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	}
	if m.searching {
		return m.searchKey(msg)
	}
	switch m.mode {
	case modeDecisions:
		return m.decisionKey(msg)
	case modeHistory:
		if msg.String() == "esc" || msg.String() == "H" {
			m.mode = modeActions
		}
		return m, nil
	}
	return m.actionKey(msg)
}

// openMinutes asks the root to open minutes mode for a meeting.
func openMinutes(meetingID int64) tea.Cmd {
	return func() tea.Msg { return notulen.OpenMsg{MeetingID: meetingID} }
}

func (m *Model) listRows() int { return max(m.height-5, 1) }

// decisionRows is the number of decisions on screen: the search line takes one.
func (m *Model) decisionRows() int { return max(m.listRows()-1, 1) }
