// Package notulen is minutes mode for one meeting, opened over any view: walk through the agenda, take
// notes per item, record decisions and actions inline (owner and due date in two keystrokes), mark items
// treated, carried over or back to the parkeerlijst, record attendance, draft the verslag (Markdown, Word,
// PDF) and record its approval in a later meeting (for an OV by the OR and the bestuurder, art 23a WOR).
package notulen

import (
	"context"
	"errors"

	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// OpenMsg asks the root to open minutes mode for a meeting (sent by Agenda and Acties).
type OpenMsg struct{ MeetingID int64 }

// Store is what minutes mode needs of the database.
type Store interface {
	Meeting(ctx context.Context, id int64) (model.Meeting, error)
	AgendaItems(ctx context.Context, meetingID int64) ([]model.AgendaItem, error)
	UpdateAgendaItem(ctx context.Context, it model.AgendaItem) (model.AgendaItem, error)
	SetItemOutcome(ctx context.Context, id int64, o model.ItemOutcome) (model.AgendaItem, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error)
	MeetingRows(ctx context.Context, bodyID int64, today model.Date) ([]model.MeetingRow, error)
	Attendance(ctx context.Context, meetingID int64) ([]model.Attendee, error)
	SetAttendance(ctx context.Context, meetingID, memberID int64, p model.Presence, note string) error
	Decisions(ctx context.Context, bodyID int64, f model.DecisionFilter) ([]model.Decision, error)
	CreateDecision(ctx context.Context, d model.Decision) (model.Decision, error)
	Actions(ctx context.Context, bodyID int64, f model.ActionFilter, day model.Date) ([]model.Action, error)
	CreateAction(ctx context.Context, a model.Action) (model.Action, error)
	ActionListAsOf(ctx context.Context, meetingID int64) ([]model.Action, error)
	VerslagApproval(ctx context.Context, meetingID int64) (model.VerslagApproval, error)
	ApproveVerslag(ctx context.Context, meetingID, inMeetingID int64, p model.Party) (model.VerslagApproval, error)
	ExportVerslag(ctx context.Context, meetingID int64, format, path string) error
}

type mode int

const (
	modeItems mode = iota
	modeAttendance
)

// step is where the quick action entry stands: description, then owner, then due date.
type step int

const (
	stepNone step = iota
	stepDescription
	stepOwner
	stepDue
)

// Model is minutes mode.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap
	mode mode
	id   int64

	meeting    model.Meeting
	items      []model.AgendaItem
	decisions  []model.Decision
	actions    []model.Action
	actionList []model.Action
	attendance []model.Attendee
	approval   model.VerslagApproval
	owners     []string
	later      []model.Meeting // meetings after this one, for carrying over and approval
	cur, acur  common.Cursor

	editing bool
	notes   textarea.Model
	quick   step
	qinput  textinput.Model
	qaction model.Action

	form       *form.Model
	formTarget any

	seq           int
	loaded        bool
	width, height int
}

// New returns minutes mode for a meeting.
func New(c common.Common, st Store, meetingID int64) *Model {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.CharLimit = 20000
	ta.Prompt = "  "
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 500
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly), id: meetingID, notes: ta, qinput: in}
}

// Title names the overlay in the tab line.
func (m *Model) Title() string { return "Notulen" }

func (m *Model) Init() tea.Cmd   { return m.reload() }
func (m *Model) Capturing() bool { return m.form != nil || m.editing || m.quick != stepNone }
func (m *Model) Unsaved() bool {
	return m.editing && m.notes.Value() != m.currentNotes() || m.form != nil && m.form.Dirty() || m.quick != stepNone
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.notes.SetWidth(max(w-4, 10))
	m.notes.SetHeight(max(min(h-12, 10), 3))
	m.qinput.Width = max(w-40, 10)
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func (m *Model) today() model.Date { return m.c.Today() }

type loadedMsg struct {
	seq        int
	meeting    model.Meeting
	items      []model.AgendaItem
	decisions  []model.Decision
	actions    []model.Action
	actionList []model.Action
	attendance []model.Attendee
	approval   model.VerslagApproval
	owners     []string
	later      []model.Meeting
	err        error
}

type savedMsg struct {
	text string
	err  error
}

func load(st Store, id int64, today model.Date, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := loadedMsg{seq: seq}
		var err error
		if msg.meeting, err = st.Meeting(ctx, id); err != nil {
			msg.err = err
			return msg
		}
		body := msg.meeting.BodyID
		if msg.items, msg.err = st.AgendaItems(ctx, id); msg.err != nil {
			return msg
		}
		if msg.decisions, msg.err = st.Decisions(ctx, body, model.DecisionFilter{MeetingID: id}); msg.err != nil {
			return msg
		}
		if msg.actions, msg.err = st.Actions(ctx, body, model.ActionFilter{MeetingID: id}, msg.meeting.Date); msg.err != nil {
			return msg
		}
		if msg.actionList, msg.err = st.ActionListAsOf(ctx, id); msg.err != nil {
			return msg
		}
		if msg.attendance, msg.err = st.Attendance(ctx, id); msg.err != nil {
			return msg
		}
		if msg.approval, msg.err = st.VerslagApproval(ctx, id); msg.err != nil {
			return msg
		}
		members, err := st.Members(ctx, body)
		if err != nil {
			msg.err = err
			return msg
		}
		b, err := st.Bestuurder(ctx, body)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			msg.err = err
			return msg
		}
		msg.owners = model.Owners(members, b.Name)
		rows, err := st.MeetingRows(ctx, body, msg.meeting.Date)
		if err != nil {
			msg.err = err
			return msg
		}
		for _, r := range rows {
			if r.Date.After(msg.meeting.Date) && r.Status != model.MeetingCancelled {
				msg.later = append(msg.later, r.Meeting)
			}
		}
		return msg
	}
}

func (m *Model) reload() tea.Cmd {
	m.seq++
	return load(m.st, m.id, m.today(), m.seq)
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if errors.Is(msg.err, model.ErrNotFound) {
			return m, tea.Batch(common.Error(errors.New("de vergadering bestaat niet meer (zie de prullenbak)")), common.Close)
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.meeting, m.items, m.decisions, m.actions, m.actionList = msg.meeting, msg.items, msg.decisions, msg.actions, msg.actionList
		m.attendance, m.approval, m.owners, m.later, m.loaded = msg.attendance, msg.approval, msg.owners, msg.later, true
		m.cur.Clamp(len(m.items), m.itemRows())
		m.acur.Clamp(len(m.attendance), m.itemRows())
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

func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	if msg.err == nil {
		m.form, m.formTarget, m.editing = nil, nil, false
		return m, tea.Batch(common.Status(msg.text), m.reload())
	}
	var fe *model.FieldError
	if m.form != nil && errors.As(msg.err, &fe) {
		m.form.SetError(fe.Field, fe.Message)
		return m, nil
	}
	if m.form != nil && !errors.Is(msg.err, model.ErrConflict) {
		m.form.Err = common.ErrorText(msg.err)
		return m, nil
	}
	m.form, m.formTarget = nil, nil
	if errors.Is(msg.err, model.ErrConflict) {
		m.editing = false
	}
	return m, tea.Batch(common.Error(msg.err), m.reload())
}

func write(text string, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg { return savedMsg{text: text, err: fn(context.Background())} }
}

func (m *Model) selected() (model.AgendaItem, bool) {
	if len(m.items) == 0 {
		return model.AgendaItem{}, false
	}
	return m.items[m.cur.Index], true
}

func (m *Model) currentNotes() string {
	it, _ := m.selected()
	return it.Notes
}

func (m *Model) itemRows() int { return max(min(len(m.items), m.height-12), 3) }
