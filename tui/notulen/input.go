package notulen

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/common"
)

func (m *Model) key(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch {
	case m.form != nil:
		var cmd tea.Cmd
		m.form, cmd = m.form.Update(msg)
		return m, cmd
	case m.editing:
		return m.notesKey(msg)
	case m.quick != stepNone:
		return m.quickKey(msg)
	case !m.loaded:
		if key.Matches(msg, m.keys.Back) {
			return m, common.Close
		}
		return m, nil
	case m.mode == modeAttendance:
		return m.attendanceKey(msg)
	}
	return m.itemKey(msg)
}

func (m *Model) itemKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	it, ok := m.selected()
	st := m.st
	outcome := func(o model.ItemOutcome, text string) tea.Cmd {
		return write(text, func(ctx context.Context) error { _, err := st.SetItemOutcome(ctx, it.ID, o); return err })
	}
	switch {
	case key.Matches(msg, k.Back):
		return m, common.Close
	case key.Matches(msg, k.Up):
		m.cur.Move(-1, len(m.items), m.itemRows())
	case key.Matches(msg, k.Down):
		m.cur.Move(1, len(m.items), m.itemRows())
	case key.Matches(msg, k.Notes) && ok:
		m.editing = true
		m.notes.SetValue(it.Notes)
		m.notes.Focus()
		return m, nil
	case key.Matches(msg, k.Decision) && ok:
		if m.meeting.Status == model.MeetingCancelled {
			return m, common.Error(model.CheckDecisionMeeting(m.meeting))
		}
		m.decisionForm(it)
	case key.Matches(msg, k.Action) && ok:
		// The action follows its item's dossier, so it shows up there too.
		m.quick, m.qaction = stepDescription, model.Action{BodyID: m.meeting.BodyID, MeetingID: m.meeting.ID, AgendaItemID: it.ID,
			DossierID: it.DossierID}
		m.qinput.SetValue("")
		m.qinput.Focus()
	case key.Matches(msg, k.Treated) && ok:
		return m, outcome(model.OutcomeTreated, fmt.Sprintf("Punt %d behandeld", it.Position))
	case key.Matches(msg, k.Carry) && ok:
		return m, outcome(model.OutcomeCarried, fmt.Sprintf("Punt %d doorgeschoven naar de volgende vergadering", it.Position))
	case key.Matches(msg, k.Backlog) && ok:
		return m, outcome(model.OutcomeBacklog, fmt.Sprintf("Punt %d terug op de parkeerlijst", it.Position))
	case key.Matches(msg, k.Clear) && ok:
		return m, outcome(model.OutcomeNone, fmt.Sprintf("Afloop van punt %d gewist", it.Position))
	case key.Matches(msg, k.Attendance):
		m.mode = modeAttendance
	case key.Matches(msg, k.Verslag):
		m.verslagForm()
	case key.Matches(msg, k.Approve) && len(m.later) == 0:
		return m, common.Error(model.Invalid("meeting", "een verslag wordt in een latere vergadering vastgesteld: plan die eerst (Agenda)"))
	case key.Matches(msg, k.Approve):
		m.approveForm()
	}
	return m, nil
}

func (m *Model) notesKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Save):
		it, ok := m.selected()
		if !ok {
			m.editing = false
			return m, nil
		}
		it.Notes = strings.TrimRight(m.notes.Value(), " \n")
		st := m.st
		m.notes.Blur()
		return m, write(fmt.Sprintf("Notities bij punt %d opgeslagen", it.Position), func(ctx context.Context) error {
			_, err := st.UpdateAgendaItem(ctx, it)
			return err
		})
	case key.Matches(msg, m.keys.Esc):
		m.editing = false
		m.notes.Blur()
		return m, nil
	}
	var cmd tea.Cmd
	m.notes, cmd = m.notes.Update(msg)
	return m, cmd
}

func (m *Model) attendanceKey(msg tea.KeyMsg) (*Model, tea.Cmd) {
	k := m.keys
	st, id := m.st, m.meeting.ID
	switch {
	case key.Matches(msg, m.keys.Back):
		m.mode = modeItems
	case key.Matches(msg, k.Up):
		m.acur.Move(-1, len(m.attendance), m.itemRows())
	case key.Matches(msg, k.Down):
		m.acur.Move(1, len(m.attendance), m.itemRows())
	case key.Matches(msg, k.Toggle) && len(m.attendance) > 0:
		a := m.attendance[m.acur.Index]
		next := map[model.Presence]model.Presence{model.PresenceUnknown: model.PresencePresent, model.PresencePresent: model.PresenceAbsent,
			model.PresenceAbsent: model.PresenceUnknown}[a.Presence]
		note := ""
		if next == model.PresenceAbsent {
			note = "met kennisgeving"
		}
		m.attendance[m.acur.Index].Presence, m.attendance[m.acur.Index].Note = next, note // at once on screen
		return m, write(a.Name+": "+presenceText(next), func(ctx context.Context) error {
			return st.SetAttendance(ctx, id, a.MemberID, next, note)
		})
	case key.Matches(msg, k.AllPresent):
		list := append([]model.Attendee{}, m.attendance...)
		return m, write("Wie nog niet was vastgelegd staat nu als aanwezig", func(ctx context.Context) error {
			for _, a := range list {
				if a.Presence == model.PresenceUnknown {
					if err := st.SetAttendance(ctx, id, a.MemberID, model.PresencePresent, ""); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	return m, nil
}

func presenceText(p model.Presence) string {
	if p == model.PresenceUnknown {
		return "niet vastgelegd"
	}
	return string(p)
}
