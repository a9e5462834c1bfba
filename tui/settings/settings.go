// Package settings is Instellingen: the bodies the AS serves (name, kind, rule set, which is active),
// each body's bestuurder, and its members with role and term of office, edited in forms that validate
// at the field.
package settings

import (
	"context"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/form"
)

// Store is what Instellingen needs.
type Store interface {
	Bodies(ctx context.Context) ([]model.Body, error)
	CreateBody(ctx context.Context, b model.Body) (model.Body, error)
	UpdateBody(ctx context.Context, b model.Body) (model.Body, error)
	SetActiveBody(ctx context.Context, id int64) error
	Bestuurder(ctx context.Context, bodyID int64) (model.Bestuurder, error)
	SaveBestuurder(ctx context.Context, b model.Bestuurder) (model.Bestuurder, error)
	Members(ctx context.Context, bodyID int64) ([]model.Member, error)
	CreateMember(ctx context.Context, m model.Member) (model.Member, error)
	UpdateMember(ctx context.Context, m model.Member) (model.Member, error)
	DeleteMember(ctx context.Context, id int64) error
	HolidayStore
	CoachStore
}

type section int

const (
	secBodies section = iota
	secBestuurder
	secMembers
	secImpositions
)

var sectionNames = []string{"Organen", "Bestuurder", "Leden", "Geheimhouding"}

// Model is the Instellingen screen.
type Model struct {
	c          common.Common
	st         Store
	keys       KeyMap
	sec        section
	bodies     []model.Body
	bestuurder model.Bestuurder
	members    []model.Member
	holidays   []termijn.Holiday // Feestdagen (holidays.go)
	// impositions and coach: Geheimhouding and the coach copy dialog (coach.go).
	impositions []model.Imposition
	coach       *coachDialog
	cur         common.Cursor
	form        *form.Model
	formTarget  any
	width       int
	height      int
}

type loadedMsg struct {
	bodies     []model.Body
	bestuurder model.Bestuurder
	members    []model.Member
	err        error
}

type savedMsg struct {
	text string
	err  error
}

// New returns Instellingen.
func New(c common.Common, st Store) *Model {
	return &Model{c: c, st: st, keys: DefaultKeyMap(c.ReadOnly)}
}

func (m *Model) Title() string   { return "Instellingen" }
func (m *Model) Init() tea.Cmd   { return tea.Batch(load(m.st), loadHolidays(m.st)) }
func (m *Model) Capturing() bool { return m.form != nil || m.coach != nil }
func (m *Model) Unsaved() bool   { return m.form != nil && m.form.Dirty() }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	if m.form != nil {
		m.form.SetWidth(w)
	}
}

func load(st Store) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		var msg loadedMsg
		msg.bodies, msg.err = st.Bodies(ctx)
		if msg.err != nil {
			return msg
		}
		for _, b := range msg.bodies {
			if !b.Active {
				continue
			}
			var err error
			msg.bestuurder, err = st.Bestuurder(ctx, b.ID)
			if err != nil && err != model.ErrNotFound {
				msg.err = err
				return msg
			}
			msg.bestuurder.BodyID = b.ID
			msg.members, msg.err = st.Members(ctx, b.ID)
		}
		return msg
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

func (m *Model) rowCount() int {
	switch m.sec {
	case secBodies:
		return len(m.bodies)
	case secMembers:
		return len(m.members)
	case secHolidays:
		return len(m.holidayRows())
	case secImpositions:
		return len(m.impositions)
	}
	return 1
}

func (m *Model) listRows() int { return max(m.height-6, 1) }

func (m *Model) Update(msg tea.Msg) (*Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.bodies, m.bestuurder, m.members = msg.bodies, msg.bestuurder, msg.members
		m.cur.Clamp(m.rowCount(), m.listRows())
		return m, loadImpositions(m.st, m.activeBody().ID)
	case impositionsMsg:
		if msg.err != nil {
			return m, common.Error(msg.err)
		}
		m.impositions = msg.list
		m.cur.Clamp(m.rowCount(), m.listRows())
	case coachDoneMsg:
		return m.coachDone(msg)
	case holidaysMsg:
		return m.holidaysLoaded(msg)
	case common.ReloadMsg, common.BodyChangedMsg:
		return m, tea.Batch(load(m.st), loadHolidays(m.st))
	case savedMsg:
		return m.saved(msg)
	case form.SubmitMsg:
		return m, m.save(msg)
	case form.CancelMsg:
		m.form = nil
	case tea.KeyMsg:
		if m.coach != nil {
			return m.coachKey(msg)
		}
		if m.form != nil {
			var cmd tea.Cmd
			m.form, cmd = m.form.Update(msg)
			return m, cmd
		}
		return m.key(msg)
	}
	return m, nil
}

// saved closes the form on success. On a conflict it closes the form too and reloads, so the user sees
// the fresh data with "elders gewijzigd"; other errors stay at the field.
func (m *Model) saved(msg savedMsg) (*Model, tea.Cmd) {
	if msg.err == nil {
		m.form = nil
		return m, tea.Batch(common.Status(msg.text), common.Reload)
	}
	var fe *model.FieldError
	switch {
	case m.form != nil && asField(msg.err, &fe):
		m.form.SetError(fe.Field, fe.Message)
		return m, nil
	case m.form != nil && !isConflict(msg.err):
		m.form.Err = common.ErrorText(msg.err)
		return m, nil
	}
	m.form = nil
	return m, tea.Batch(common.Error(msg.err), load(m.st))
}

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		return m, common.Close
	case key.Matches(msg, k.NextSection):
		m.sec = (m.sec + 1) % section(len(sectionNames))
		m.cur = common.Cursor{}
	case key.Matches(msg, k.PrevSection):
		m.sec = (m.sec + section(len(sectionNames)) - 1) % section(len(sectionNames))
		m.cur = common.Cursor{}
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, m.rowCount(), m.listRows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, m.rowCount(), m.listRows())
	case key.Matches(msg, k.Release) && m.sec == secImpositions:
		return m, m.release()
	case key.Matches(msg, k.CoachCopy):
		m.coach = newCoachDialog()
	case m.sec == secImpositions && (key.Matches(msg, k.New) || key.Matches(msg, k.Edit)):
	case key.Matches(msg, k.New):
		m.openForm(true)
	case key.Matches(msg, k.Edit):
		m.openForm(false)
	case key.Matches(msg, k.Activate) && m.sec == secBodies && len(m.bodies) > 0:
		b := m.bodies[m.cur.Index]
		st := m.st
		return m, func() tea.Msg {
			if err := st.SetActiveBody(context.Background(), b.ID); err != nil {
				return savedMsg{err: err}
			}
			return common.BodyChangedMsg{Body: b}
		}
	case key.Matches(msg, k.Delete) && m.sec == secHolidays:
		return m, m.deleteHoliday()
	case key.Matches(msg, k.Delete) && m.sec == secMembers && len(m.members) > 0:
		mem := m.members[m.cur.Index]
		st := m.st
		return m, func() tea.Msg {
			return savedMsg{text: mem.Name + " naar de prullenbak", err: st.DeleteMember(context.Background(), mem.ID)}
		}
	}
	return m, nil
}

func isConflict(err error) bool { return err != nil && errorsIs(err, model.ErrConflict) }
