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

// Store is what the Acties view needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error)
	MeetingRows(ctx context.Context, bodyID int64, today model.Date) ([]model.MeetingRow, error)
	DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error)
	Actions(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date) ([]model.Action, error)
	CreateAction(ctx context.Context, a model.Action) (model.Action, error)
	UpdateAction(ctx context.Context, a model.Action) (model.Action, error)
	SetActionStatus(ctx context.Context, a model.Action, st model.ActionStatus) (model.Action, error)
	PostponeAction(ctx context.Context, a model.Action, days int) (model.Action, error)
	DeleteAction(ctx context.Context, id int64) error
	UndoLastActionChange(ctx context.Context, bodyID int64) (model.Action, string, error)
	ActionHistory(ctx context.Context, actionID int64) ([]model.ActionChange, error)
	Decisions(ctx context.Context, bodyID int64, f model.DecisionFilter) ([]model.Decision, error)
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

	body     model.Body
	owners   []string
	meetings []model.Meeting
	dossiers []model.DossierChoice

	show    show
	filter  model.ActionFilter // owner, meeting and dossier; open and late come from show
	actions []model.Action
	cur     common.Cursor

	decisions []model.Decision
	years     []int
	dfilter   model.DecisionFilter
	dcur      common.Cursor
	search    textinput.Model
	searching bool

	history []model.ActionChange
	histFor model.Action

	form       *form.Model
	formTarget any

	seq, dseq     int
	focus         int64
	width, height int
}

// New returns the Acties view.
func New(c common.Common, st Store) *Model {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 200
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly), search: in, dfilter: model.DecisionFilter{Year: c.Today().Year()}}
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

type loadedMsg struct {
	seq      int
	body     model.Body
	owners   []string
	meetings []model.Meeting
	dossiers []model.DossierChoice
	actions  []model.Action
	err      error
}

type decisionsMsg struct {
	seq       int
	decisions []model.Decision
	years     []int
	err       error
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

func load(st Store, f model.ActionFilter, today model.Date, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq}
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
		rows, err := st.MeetingRows(ctx, id, today)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, r := range rows {
			msg.meetings = append(msg.meetings, r.Meeting)
		}
		if msg.dossiers, msg.err = st.DossierChoices(ctx, id); msg.err != nil {
			return msg
		}
		msg.actions, msg.err = st.Actions(ctx, id, f, today)
		return msg
	}
}

func loadDecisions(st Store, bodyID int64, f model.DecisionFilter, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := decisionsMsg{seq: seq}
		if msg.decisions, msg.err = st.Decisions(ctx, bodyID, f); msg.err != nil {
			return msg
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

// reload asks for fresh data; answers to older requests are dropped when they arrive.
func (m *Model) reload() tea.Cmd {
	m.seq++
	cmds := []tea.Cmd{load(m.st, m.listFilter(), m.today(), m.seq)}
	if m.body.ID != 0 {
		cmds = append(cmds, m.reloadDecisions())
	}
	return tea.Batch(cmds...)
}

func (m *Model) reloadDecisions() tea.Cmd {
	m.dseq++
	return loadDecisions(m.st, m.body.ID, m.dfilter, m.dseq)
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		first := m.body.ID == 0 && msg.body.ID != 0
		if msg.body.ID != m.body.ID && m.body.ID != 0 {
			m.mode, m.filter = modeActions, model.ActionFilter{}
		}
		m.body, m.owners, m.meetings, m.dossiers, m.actions = msg.body, msg.owners, msg.meetings, msg.dossiers, msg.actions
		if m.focus != 0 {
			for i, a := range m.actions {
				if a.ID == m.focus {
					m.cur.Index = i
				}
			}
			m.focus = 0
		}
		m.cur.Clamp(len(m.actions), m.listRows())
		if first {
			return m, m.reloadDecisions()
		}
	case decisionsMsg:
		if msg.seq != m.dseq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.decisions, m.years = msg.decisions, msg.years
		m.dcur.Clamp(len(m.decisions), m.listRows())
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

// saved shows the result of a write: a field error goes back to its field in the open form; a conflict
// closes the form and shows the fresh data.
func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	if msg.err == nil {
		m.form, m.formTarget = nil, nil
		m.focus = msg.focus
		return m, tea.Batch(common.Status(msg.text), m.reload())
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
	return m, tea.Batch(common.Error(msg.err), m.reload())
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
