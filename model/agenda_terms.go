package model

import "fmt"

// Agenda states, as the meeting list shows them and JSON carries them.
const (
	AgendaNoTerm   = "geen termijn"
	AgendaToSend   = "te versturen"
	AgendaDueToday = "vandaag versturen"
	AgendaOverdue  = "te laat"
	AgendaSentOK   = "verzonden"
	AgendaSentLate = "te laat verzonden"
	AgendaUrgent   = "spoedeisend"
	AgendaNone     = "geannuleerd"
	// AgendaUnknown: the meeting is past and nobody recorded when (or whether) the agenda went out.
	AgendaUnknown = "verzending onbekend"
)

// AgendaTerm is where a meeting's agenda stands against its due date, and for an OV on request, against
// the art 23 lid 1 term.
type AgendaTerm struct {
	Due     Date   `json:"due"`
	Article string `json:"article"`
	// Note is the term engine's remark on the due date ("valt op Tweede Paasdag").
	Note    string `json:"note"`
	State   string `json:"state"`
	Late    bool   `json:"late"`
	Warning string `json:"warning"`
	// OVDue is the day an OV asked for with reasons must be held by (art 23 lid 1); zero if not requested.
	OVDue     Date   `json:"ov_due"`
	OVWarning string `json:"ov_warning"`
}

// HasAgendaTerm reports whether meetings of this kind have an agenda due date: the OR's own meetings
// and its commissions by law (art 14 lid 2 sub g), the OV by practice (a week, letters.md section 8).
func (k MeetingKind) HasAgendaTerm() bool {
	return k == MeetingOR || k == MeetingCommissie || k == MeetingOV
}

// AgendaState decides the state of a meeting's agenda, given its due date (from the term engine) and
// today. An urgent meeting (spoedeisend) is never late; a cancelled one has no term.
func AgendaState(m Meeting, due, today Date) (state string, late bool, warning string) {
	switch {
	case m.Status == MeetingCancelled:
		return AgendaNone, false, ""
	case !m.Kind.HasAgendaTerm() || due.IsZero():
		if !m.AgendaSent.IsZero() {
			return AgendaSentOK, false, ""
		}
		return AgendaNoTerm, false, ""
	case !m.AgendaSent.IsZero():
		if !m.AgendaSent.After(due) {
			return AgendaSentOK, false, ""
		}
		if m.Urgent {
			return AgendaUrgent, false, ""
		}
		n := due.DaysUntil(m.AgendaSent)
		return AgendaSentLate, true, fmt.Sprintf("agenda verstuurd op %s, uiterlijk %s: %s te laat, tenzij spoedeisend",
			m.AgendaSent.Short(), due.Short(), days(n))
	case m.Status == MeetingHeld || today.After(m.Date):
		return AgendaUnknown, false, ""
	case m.Urgent:
		return AgendaUrgent, false, ""
	case today.After(due):
		return AgendaOverdue, true, fmt.Sprintf("agenda is %s te laat: uiterlijk %s versturen, tenzij spoedeisend",
			days(due.DaysUntil(today)), due.Short())
	case today.Equal(due):
		return AgendaDueToday, false, ""
	}
	return AgendaToSend, false, ""
}

// OVRequestWarning says whether an OV asked for on request is held too late: after ovDue, the end of the
// art 23 lid 1 term. "" when in time or not requested.
func OVRequestWarning(m Meeting, ovDue Date) string {
	if m.Kind != MeetingOV || m.OVRequested.IsZero() || ovDue.IsZero() || !m.Date.After(ovDue) {
		return ""
	}
	return fmt.Sprintf("verzoek om overleg van %s: de overlegvergadering moest uiterlijk %s plaatsvinden (art 23 lid 1 WOR: binnen 2 weken)",
		m.OVRequested.Short(), ovDue.Short())
}

func days(n int) string {
	if n == 1 {
		return "1 dag"
	}
	return fmt.Sprintf("%d dagen", n)
}

// MeetingRow is a meeting as the meeting list shows it: with its agenda term and the size of its agenda.
type MeetingRow struct {
	Meeting
	Term    AgendaTerm `json:"agenda"`
	Items   int        `json:"items"`
	Minutes int        `json:"minutes"`
}
