package model

import (
	"sort"
	"strings"
)

// Presence is whether a member attended a meeting.
type Presence string

const (
	PresenceUnknown Presence = ""
	PresencePresent Presence = "aanwezig"
	PresenceAbsent  Presence = "afwezig"
)

// Attendee is one member's attendance at a meeting. Note holds "met kennisgeving" or a reason.
type Attendee struct {
	MemberID int64    `json:"member_id"`
	Name     string   `json:"name"`
	Role     Role     `json:"role"`
	Presence Presence `json:"presence"`
	Note     string   `json:"note"`
}

// Party is who approves a verslag: the OR itself, and for an OV also the bestuurder (art 23a WOR).
type Party string

const (
	PartyOR         Party = "or"
	PartyBestuurder Party = "bestuurder"
)

// Label is the Dutch name of the party.
func (p Party) Label() string {
	if p == PartyBestuurder {
		return "de bestuurder"
	}
	return "de OR"
}

// VerslagApproval records when, and in which later meeting, a verslag was approved by each party.
type VerslagApproval struct {
	MeetingID           int64 `json:"meeting_id"`
	ORMeetingID         int64 `json:"or_meeting_id,omitempty"`
	OROn                Date  `json:"or_on"`
	BestuurderMeetingID int64 `json:"bestuurder_meeting_id,omitempty"`
	BestuurderOn        Date  `json:"bestuurder_on"`
}

// Parties is who must approve the verslag of a meeting of this kind.
func Parties(k MeetingKind) []Party {
	if k == MeetingOV {
		return []Party{PartyOR, PartyBestuurder}
	}
	return []Party{PartyOR}
}

// Missing lists the parties whose approval is still missing.
func (a VerslagApproval) Missing(k MeetingKind) []Party {
	var out []Party
	for _, p := range Parties(k) {
		if (p == PartyOR && a.OROn.IsZero()) || (p == PartyBestuurder && a.BestuurderOn.IsZero()) {
			out = append(out, p)
		}
	}
	return out
}

// Approved reports whether every party approved.
func (a VerslagApproval) Approved(k MeetingKind) bool { return len(a.Missing(k)) == 0 }

// StatusText says where the verslag stands: "concept", "concept: vaststelling door de bestuurder
// ontbreekt nog (art 23a WOR)", "vastgesteld op 9 december 2025".
func (a VerslagApproval) StatusText(k MeetingKind) string {
	missing := a.Missing(k)
	switch {
	case len(missing) == 0:
		on := a.OROn
		if a.BestuurderOn.After(on) {
			on = a.BestuurderOn
		}
		return "vastgesteld op " + on.Long()
	case k == MeetingOV && len(missing) == 1:
		return "concept: vaststelling door " + missing[0].Label() + " ontbreekt nog (art 23a WOR)"
	case k == MeetingOV:
		return "concept: vast te stellen door de OR en de bestuurder (art 23a WOR)"
	}
	return "concept"
}

// CheckApproval refuses an approval that cannot be right: in the meeting itself or an earlier one, in a
// cancelled meeting, or by the bestuurder of a verslag that is not of an OV.
func CheckApproval(verslag, in Meeting, p Party) error {
	switch {
	case p != PartyOR && p != PartyBestuurder:
		return Invalid("party", "kies wie vaststelt: de OR of de bestuurder")
	case p == PartyBestuurder && verslag.Kind != MeetingOV:
		return Invalid("party", "alleen het verslag van een overlegvergadering wordt ook door de bestuurder vastgesteld (art 23a WOR)")
	case in.BodyID != verslag.BodyID:
		return Invalid("meeting", "die vergadering hoort bij een ander orgaan")
	case in.Status == MeetingCancelled:
		return Invalid("meeting", "de vergadering van "+in.Date.Short()+" is geannuleerd")
	case !in.Date.After(verslag.Date):
		return Invalid("meeting", "een verslag wordt in een latere vergadering vastgesteld, niet op of voor "+verslag.Date.Short())
	}
	return nil
}

// VerslagInput is everything the verslag of a meeting is drafted from.
type VerslagInput struct {
	Body       Body
	Meeting    Meeting
	Items      []AgendaItem
	Attendance []Attendee
	Bestuurder string
	Decisions  []Decision
	// Actions are all live actions of the body: the verslag picks the new ones and the actielijst.
	Actions  []Action
	Approval VerslagApproval
}

// VerslagItem is one agenda item in the verslag, with what was noted, decided and agreed under it.
type VerslagItem struct {
	Item      AgendaItem
	Decisions []Decision
	Actions   []Action
}

// Verslag is the drafted minutes of a meeting.
type Verslag struct {
	Body    Body
	Meeting Meeting
	Present []Attendee
	Absent  []Attendee
	// Unknown are members whose attendance was not recorded.
	Unknown    []Attendee
	Bestuurder string
	Items      []VerslagItem
	// Loose are decisions and actions of the meeting not tied to one of its items.
	LooseDecisions []Decision
	LooseActions   []Action
	NewActions     []Action
	// ActionList is the actielijst as it stood on the meeting's date: actions from earlier that were
	// still open then, by due date.
	ActionList []Action
	Approval   VerslagApproval
	Status     string
}

// Title is "Verslag OR-vergadering 2 december 2025".
func (v Verslag) Title() string {
	return "Verslag " + v.Meeting.Kind.Label() + " " + v.Meeting.Date.Long()
}

// AssembleVerslag drafts the verslag from the notes, decisions and actions of a meeting.
func AssembleVerslag(in VerslagInput) Verslag {
	m := in.Meeting
	v := Verslag{Body: in.Body, Meeting: m, Bestuurder: in.Bestuurder, Approval: in.Approval, Status: in.Approval.StatusText(m.Kind)}
	for _, a := range in.Attendance {
		switch a.Presence {
		case PresencePresent:
			v.Present = append(v.Present, a)
		case PresenceAbsent:
			v.Absent = append(v.Absent, a)
		default:
			v.Unknown = append(v.Unknown, a)
		}
	}
	byItem := map[int64]*VerslagItem{}
	for _, it := range in.Items {
		v.Items = append(v.Items, VerslagItem{Item: it})
	}
	for i := range v.Items {
		byItem[v.Items[i].Item.ID] = &v.Items[i]
	}
	decisions := append([]Decision{}, in.Decisions...)
	sort.SliceStable(decisions, func(i, j int) bool {
		if decisions[i].Year != decisions[j].Year {
			return decisions[i].Year < decisions[j].Year
		}
		return decisions[i].Seq < decisions[j].Seq
	})
	for _, d := range decisions {
		if d.MeetingID != m.ID {
			continue
		}
		if vi, ok := byItem[d.AgendaItemID]; ok {
			vi.Decisions = append(vi.Decisions, d)
		} else {
			v.LooseDecisions = append(v.LooseDecisions, d)
		}
	}
	actions := append([]Action{}, in.Actions...)
	SortByDue(actions)
	for _, a := range actions {
		if a.MeetingID == m.ID {
			v.NewActions = append(v.NewActions, a)
			if vi, ok := byItem[a.AgendaItemID]; ok {
				vi.Actions = append(vi.Actions, a)
			} else {
				v.LooseActions = append(v.LooseActions, a)
			}
			continue
		}
		if a.OpenAsOf(m.Date) {
			v.ActionList = append(v.ActionList, a)
		}
	}
	return v
}

// HasContent reports whether a verslag item has anything to say beyond its title.
func (vi VerslagItem) HasContent() bool {
	return strings.TrimSpace(vi.Item.Notes) != "" || len(vi.Decisions) > 0 || len(vi.Actions) > 0
}
