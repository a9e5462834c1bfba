package model

import "time"

// BinEntry is a deleted row waiting in the prullenbak until it is restored or the bin is emptied.
type BinEntry struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	RefID     int64     `json:"ref_id"`
	Label     string    `json:"label"`
	DeletedAt time.Time `json:"deleted_at"`
}

// KindLabel is the Dutch word for the kind of thing deleted.
func (b BinEntry) KindLabel() string {
	switch b.Kind {
	case "members":
		return "lid"
	case "bestuurders":
		return "bestuurder"
	case "meetings":
		return "vergadering"
	case "agenda_items":
		return "agendapunt"
	case "actions":
		return "actie"
	case "decisions":
		return "besluit"
	case "dossiers":
		return "dossier"
	case "dossier_events":
		return "gebeurtenis"
	case "documents":
		return "document"
	case "letters":
		return "brief"
	case "bodies":
		return "orgaan"
	case "backlog":
		return "parkeerlijstpunt"
	case "extra_holidays":
		return "feestdag"
	}
	return b.Kind
}
