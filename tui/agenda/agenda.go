// Package agenda is view 2, Agenda: the meetings of the active body with their agenda due dates, the
// agenda editor (items, timing, overrun, confidentiality, papers, reorder with K/J), the parkeerlijst,
// planning a series, the default agenda per meeting kind, marking an agenda sent, and export.
package agenda

import (
	"context"
	"errors"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what the Agenda view needs of the database.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error)
	MeetingPage(ctx context.Context, bodyID int64, today model.Date, offset, limit int) (model.MeetingPage, error)
	MeetingPosition(ctx context.Context, bodyID int64, today model.Date, id int64) (int, error)
	PreviousMeeting(ctx context.Context, bodyID int64, kind model.MeetingKind, before model.Date, except int64) (model.Meeting, error)
	Meeting(ctx context.Context, id int64) (model.Meeting, error)
	MeetingTerm(ctx context.Context, m model.Meeting, today model.Date) (model.AgendaTerm, error)
	AgendaItems(ctx context.Context, meetingID int64) ([]model.AgendaItem, error)
	MeetingDocuments(ctx context.Context, meetingID int64) (map[int64][]model.AttachedDocument, error)
	NewMeeting(ctx context.Context, m model.Meeting) (model.Meeting, error)
	UpdateMeeting(ctx context.Context, m model.Meeting) (model.Meeting, error)
	MarkAgendaSent(ctx context.Context, m model.Meeting, on model.Date) (model.Meeting, error)
	DeleteMeeting(ctx context.Context, id int64) error
	PlanSeries(ctx context.Context, s model.Series) ([]model.Meeting, error)
	AddAgendaItem(ctx context.Context, it model.AgendaItem) (model.AgendaItem, error)
	UpdateAgendaItem(ctx context.Context, it model.AgendaItem) (model.AgendaItem, error)
	DeleteAgendaItem(ctx context.Context, id int64) error
	MoveAgendaItem(ctx context.Context, id int64, delta int) ([]model.AgendaItem, error)
	SetItemOutcome(ctx context.Context, id int64, o model.ItemOutcome) (model.AgendaItem, error)
	CreateImposition(ctx context.Context, i model.Imposition) (model.Imposition, error)
	Backlog(ctx context.Context, bodyID int64) ([]model.BacklogTopic, error)
	CreateBacklogTopic(ctx context.Context, b model.BacklogTopic) (model.BacklogTopic, error)
	UpdateBacklogTopic(ctx context.Context, b model.BacklogTopic) (model.BacklogTopic, error)
	DeleteBacklogTopic(ctx context.Context, id int64) error
	ScheduleTopic(ctx context.Context, topicID, meetingID int64, position int) (model.AgendaItem, error)
	UnscheduleItem(ctx context.Context, itemID int64) (model.BacklogTopic, error)
	AgendaTemplate(ctx context.Context, bodyID int64, kind model.MeetingKind) ([]model.TemplateItem, bool, error)
	SaveAgendaTemplate(ctx context.Context, bodyID int64, kind model.MeetingKind, items []model.TemplateItem) error
	Art24Count(ctx context.Context, bodyID int64, year int, today model.Date) (held, planned int, err error)
	AttachableDocuments(ctx context.Context, bodyID int64, query string, limit int) ([]model.AttachedDocument, error)
	AttachDocument(ctx context.Context, itemID, documentID int64) error
	DetachDocument(ctx context.Context, itemID, documentID int64) error
	ExportAgenda(ctx context.Context, meetingID int64, format string, openbaar bool, path string) error
	DossierChoices(ctx context.Context, bodyID int64) ([]model.DossierChoice, error)
}

type mode int

const (
	modeList mode = iota
	modeEditor
	modeBacklog
	modeTemplates
)

// Model is the Agenda view.
type Model struct {
	c    common.Common
	st   Store
	keys KeyMap
	mode mode
	// back is where esc goes from the parkeerlijst.
	back mode

	body model.Body
	// list is the window of the meeting list that is loaded; listCur indexes the whole list. late and
	// next are what the list says about all of it (model.MeetingPage).
	list       common.Window[model.MeetingRow]
	listCur    common.Cursor
	late       int
	next       model.Meeting
	backlog    []model.BacklogTopic
	blCur      common.Cursor
	held       int
	planned    int
	members    []model.Member
	bestuurder model.Bestuurder

	meeting model.Meeting
	term    model.AgendaTerm
	items   []model.AgendaItem
	docs    map[int64][]model.AttachedDocument
	// dossiers are what an agenda item can be linked to, loaded with the meeting.
	dossiers []model.DossierChoice
	edCur    common.Cursor

	tplKind   int
	tpl       []model.TemplateItem
	tplCustom bool
	tplCur    common.Cursor

	form       *form.Model
	formTarget any
	picker     *picker

	listSeq, meetingSeq int
	// pageSeq numbers the loads of a window of the list (alone or with a reload); older ones are dropped.
	pageSeq int
	// focus is the item the cursor goes to once the agenda reloads after a save; focusMeeting the meeting
	// the list cursor goes to.
	focus, focusMeeting int64
	// moving counts moves sent to the store and not yet answered.
	moving        int
	width, height int
}

// New returns the Agenda view.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly),
		list: common.Window[model.MeetingRow]{Size: common.PageSize(pageSize)}}
}

func (m *Model) Init() tea.Cmd   { return m.reload() }
func (m *Model) Capturing() bool { return m.form != nil || m.picker != nil }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func (m *Model) today() model.Date { return m.c.Today() }

type loadedMsg struct {
	seq        int
	body       model.Body
	page       pageMsg
	backlog    []model.BacklogTopic
	held       int
	planned    int
	members    []model.Member
	bestuurder model.Bestuurder
	err        error
}

type meetingMsg struct {
	seq     int
	meeting model.Meeting
	term    model.AgendaTerm
	items   []model.AgendaItem
	docs    map[int64][]model.AttachedDocument
	// dossiers are what an item can be linked to.
	dossiers []model.DossierChoice
	err      error
}

type templateMsg struct {
	kind   model.MeetingKind
	items  []model.TemplateItem
	custom bool
	err    error
}

// savedMsg reports a write; focus, when set, is the item id the editor cursor should land on, meeting
// the meeting the list cursor should land on.
type savedMsg struct {
	text    string
	warn    string
	err     error
	focus   int64
	meeting int64
}

func loadList(st Store, today model.Date, seq int, w window) tea.Cmd {
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
		if msg.body.ID == 0 {
			return msg
		}
		id := msg.body.ID
		if msg.page = w.load(ctx, st, id, today); msg.page.err != nil {
			msg.err = msg.page.err
			return msg
		}
		if msg.backlog, msg.err = st.Backlog(ctx, id); msg.err != nil {
			return msg
		}
		if msg.held, msg.planned, msg.err = st.Art24Count(ctx, id, today.Year(), today); msg.err != nil {
			return msg
		}
		if msg.members, msg.err = st.Members(ctx, id); msg.err != nil {
			return msg
		}
		msg.bestuurder, err = st.Bestuurder(ctx, id)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			msg.err = err
		}
		return msg
	}
}

func loadMeeting(st Store, id int64, today model.Date, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		msg := meetingMsg{seq: seq}
		if msg.meeting, msg.err = st.Meeting(ctx, id); msg.err != nil {
			return msg
		}
		if msg.term, msg.err = st.MeetingTerm(ctx, msg.meeting, today); msg.err != nil {
			return msg
		}
		if msg.items, msg.err = st.AgendaItems(ctx, id); msg.err != nil {
			return msg
		}
		if msg.docs, msg.err = st.MeetingDocuments(ctx, id); msg.err != nil {
			return msg
		}
		msg.dossiers, msg.err = st.DossierChoices(ctx, msg.meeting.BodyID)
		return msg
	}
}

func loadTemplate(st Store, bodyID int64, kind model.MeetingKind) tea.Cmd {
	return func() tea.Msg {
		items, custom, err := st.AgendaTemplate(context.Background(), bodyID, kind)
		return templateMsg{kind: kind, items: items, custom: custom, err: err}
	}
}

// reload asks for fresh data for what is on screen; older answers still on their way are dropped.
func (m *Model) reload() tea.Cmd {
	m.listSeq++
	cmds := []tea.Cmd{loadList(m.st, m.today(), m.listSeq, m.window(m.focusMeeting))}
	m.focusMeeting = 0
	if m.meeting.ID != 0 {
		m.meetingSeq++
		cmds = append(cmds, loadMeeting(m.st, m.meeting.ID, m.today(), m.meetingSeq))
	}
	if m.mode == modeTemplates && m.body.ID != 0 {
		cmds = append(cmds, loadTemplate(m.st, m.body.ID, model.MeetingKinds[m.tplKind]))
	}
	return tea.Batch(cmds...)
}

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != m.listSeq {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		if msg.body.ID != m.body.ID && m.body.ID != 0 {
			m.mode, m.meeting = modeList, model.Meeting{}
		}
		m.body, m.backlog, m.held, m.planned = msg.body, msg.backlog, msg.held, msg.planned
		m.members, m.bestuurder = msg.members, msg.bestuurder
		m.blCur.Clamp(len(m.backlog), m.listRows())
		if msg.body.ID == 0 {
			m.list.Page, m.late, m.next = model.Page[model.MeetingRow]{}, 0, model.Meeting{}
		}
		return m, m.pageLoaded(msg.page)
	case pageMsg:
		return m, m.pageLoaded(msg)
	case meetingMsg:
		if msg.seq != m.meetingSeq || m.moving > 0 {
			return m, nil
		}
		if msg.err != nil {
			if errors.Is(msg.err, model.ErrNotFound) {
				m.mode, m.meeting = modeList, model.Meeting{}
				return m, common.Status("De vergadering is verwijderd (zie de prullenbak)")
			}
			return m, common.Error(msg.err)
		}
		m.meeting, m.term, m.items, m.docs, m.dossiers = msg.meeting, msg.term, msg.items, msg.docs, msg.dossiers
		if m.focus != 0 {
			m.focusItem(m.focus)
			m.focus = 0
		}
		m.edCur.Clamp(len(m.items), m.itemRows())
	case templateMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		if msg.kind == model.MeetingKinds[m.tplKind] {
			m.tpl, m.tplCustom = msg.items, msg.custom
			m.tplCur.Clamp(len(m.tpl), m.listRows())
		}
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, m.reload()
	case savedMsg:
		return m.saved(msg)
	case movedMsg:
		return m.moved(msg)
	case form.SubmitMsg:
		return m, m.submit(msg)
	case form.CancelMsg:
		m.form, m.formTarget = nil, nil
	case docsMsg, attachedMsg:
		return m.pickerMsg(msg)
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// saved shows the result of a write. A field error goes back to its field in the open form; a conflict
// closes the form and shows the fresh data.
func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	if msg.err == nil {
		m.form, m.formTarget = nil, nil
		m.focus = msg.focus // applied when the reloaded agenda arrives
		m.focusMeeting = msg.meeting
		status := common.Status(msg.text)
		if msg.warn != "" {
			status = func() tea.Msg { return common.StatusMsg{Text: msg.text + " — " + msg.warn, Err: true} }
		}
		return m, tea.Batch(status, m.reload())
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

func (m *Model) focusItem(id int64) {
	for i, it := range m.items {
		if it.ID == id {
			m.edCur.Index = i
		}
	}
	m.edCur.Clamp(len(m.items), m.itemRows())
}

// write runs a store call in the background and reports it as a savedMsg.
func write(text string, fn func(ctx context.Context) error) tea.Cmd {
	return func() tea.Msg { return savedMsg{text: text, err: fn(context.Background())} }
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	if m.form != nil {
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	}
	if m.picker != nil {
		return m.pickerKey(msg)
	}
	switch m.mode {
	case modeEditor:
		return m.editorKey(msg)
	case modeBacklog:
		return m.backlogKey(msg)
	case modeTemplates:
		return m.templateKey(msg)
	}
	return m.listKey(msg)
}

func (m *Model) listRows() int { return max(m.height-7, 1) }
func (m *Model) itemRows() int { return max(m.height-8, 1) }
