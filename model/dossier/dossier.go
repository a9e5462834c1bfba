// Package dossier is the domain of a dossier: a matter the council follows over weeks or months (an
// adviesaanvraag, an instemmingsverzoek, ...), its timeline of dated events, the legal terms that follow
// from them, and the overview of every term that is due. It is pure: no I/O, no clock.
//
// Events are stored with Dutch codes (see EventKind). How they become the term engine's Events:
//   - ontvangen: the earliest one is Received (the request for advice or consent reached the council);
//   - verzonden: the council sent its proposal or request (initiatiefvoorstel, informatieverzoek); no term;
//   - ov-verzoek: the latest one is OVRequested (a new request starts a new two-week term);
//   - ov-gehouden: OVHeld is the first OV on or after that request, else the latest OV;
//   - advies (content positief, negatief, voorwaardelijk) and instemming (verleend, geweigerd,
//     voorwaardelijk): the latest one counts, with its content, since a revised advice replaces the first;
//   - besluit: the latest written notification of the decision is DecisionNotified; on an adviesaanvraag
//     its content says whether it deviates from the advice (afwijkend) or follows it (conform);
//   - motivering, afstand-opschorting, gesloten: the latest one counts;
//   - uitvoering-opgemerkt: the earliest one counts, since the nullity term runs from the first time the
//     council noticed execution;
//   - afgesproken-termijn: the latest one is the agreed term (a later agreement replaces an earlier one);
//     its date is the agreed end, its content what was agreed ("advies binnen 6 weken");
//   - antwoord (the bestuurder's written answer, the information received) and notitie: timeline only.
package dossier

import (
	"fmt"
	"slices"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Status is where a dossier stands; a dossier is closed by a "gesloten" event in its timeline.
type Status string

const (
	StatusOpen   Status = "open"
	StatusClosed Status = "gesloten"
)

// Dossier is one matter with its timeline.
type Dossier struct {
	ID          int64               `json:"id"`
	BodyID      int64               `json:"body_id"`
	Kind        termijn.DossierKind `json:"kind"`
	Title       string              `json:"title"`
	Description string              `json:"description"`
	Status      Status              `json:"status"`
	OwnerID     int64               `json:"owner_id,omitempty"`
	Owner       string              `json:"owner"` // the owner's name, read along; "" when none
	StartedOn   model.Date          `json:"started_on"`
	// ImpositionID references the art 20 imposition that makes the dossier confidential; 0 if none.
	ImpositionID int64   `json:"imposition_id,omitempty"`
	Version      int64   `json:"version"`
	Events       []Event `json:"events"`
}

// KindLabel is the kind with a capital, for headings: "Adviesaanvraag".
func KindLabel(k termijn.DossierKind) string {
	s := string(k)
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Article is the WOR article a kind of dossier follows, for lists.
func Article(k termijn.DossierKind) string {
	switch k {
	case termijn.Adviesaanvraag:
		return "art 25 WOR"
	case termijn.Instemmingsverzoek:
		return "art 27 WOR"
	case termijn.Initiatiefvoorstel:
		return "art 23 lid 3 WOR"
	case termijn.Informatieverzoek:
		return "art 31 WOR"
	}
	return ""
}

// Validate checks the fields a user fills in.
func (d Dossier) Validate() error {
	if _, err := termijn.ParseDossierKind(string(d.Kind)); err != nil {
		return err
	}
	if strings.TrimSpace(d.Title) == "" {
		return model.Invalid("title", "titel is verplicht")
	}
	if len([]rune(d.Title)) > 200 {
		return model.Invalid("title", "titel is te lang (meer dan 200 tekens)")
	}
	if len([]rune(d.Description)) > 4000 {
		return model.Invalid("description", "omschrijving is te lang (meer dan 4000 tekens)")
	}
	if d.StartedOn.IsZero() {
		return model.Invalid("started_on", "vul de datum in waarop het dossier begon")
	}
	return nil
}

// Closed returns the day the dossier was closed, and whether it is.
func (d Dossier) Closed() (model.Date, bool) {
	var last model.Date
	for _, e := range d.Events {
		if e.Kind == Closing && e.Date.After(last) {
			last = e.Date
		}
	}
	return last, !last.IsZero()
}

// Sorted returns the events in timeline order: by date, then in the order they were recorded.
func Sorted(evs []Event) []Event {
	out := slices.Clone(evs)
	slices.SortStableFunc(out, func(a, b Event) int {
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		return int(a.ID - b.ID)
	})
	return out
}

// Phase says in a few words where the dossier stands: its latest event that moves the matter on.
func (d Dossier) Phase() string {
	if on, ok := d.Closed(); ok {
		return "gesloten " + on.Compact()
	}
	evs := Sorted(d.Events)
	for i := len(evs) - 1; i >= 0; i-- {
		switch evs[i].Kind {
		case Note, AgreedTerm:
			continue
		}
		return evs[i].Label(d.Kind)
	}
	return "nog geen gebeurtenis"
}

// Links counts what elsewhere in werkbank refers to a dossier.
type Links struct {
	Documents   int `json:"documents"`
	Letters     int `json:"letters"`
	AgendaItems int `json:"agenda_items"`
	Actions     int `json:"actions"`
	Decisions   int `json:"decisions"`
}

// Text is the links line of a dossier: "stukken (4) · brieven (2) · ...".
func (l Links) Text() string {
	return fmt.Sprintf("stukken (%d) · brieven (%d) · agendapunten (%d) · acties (%d) · besluiten (%d)",
		l.Documents, l.Letters, l.AgendaItems, l.Actions, l.Decisions)
}

// Filter selects dossiers in a list.
type Filter struct {
	BodyID int64               // 0: every body
	Status Status              // "": open and closed
	Kind   termijn.DossierKind // "": every kind
}
