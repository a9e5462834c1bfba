package model

// TemplateItem is one line of a meeting kind's default agenda.
type TemplateItem struct {
	Title     string   `json:"title"`
	Purpose   Purpose  `json:"purpose"`
	Presenter string   `json:"presenter"`
	Minutes   int      `json:"minutes"`
	Role      ItemRole `json:"role"`
}

// Validate checks a template line like an agenda item.
func (t TemplateItem) Validate() error {
	return CheckItem(AgendaItem{Title: t.Title, Purpose: t.Purpose, Presenter: t.Presenter, Minutes: t.Minutes})
}

// Item makes an agenda item of a template line.
func (t TemplateItem) Item() AgendaItem {
	return AgendaItem{Title: t.Title, Purpose: t.Purpose, Presenter: t.Presenter, Minutes: t.Minutes, Role: t.Role}
}

// DefaultTemplate is the agenda a new meeting of kind starts from until the AS edits the template. An OV
// follows letters.md section 8: mededelingen of both sides, verslag and actielijst of the previous OV.
func DefaultTemplate(kind MeetingKind) []TemplateItem {
	open := TemplateItem{Title: "Opening en vaststellen agenda", Purpose: PurposeInformatie, Presenter: "voorzitter", Minutes: 5, Role: RoleOpening}
	closing := []TemplateItem{
		{Title: "Rondvraag", Purpose: PurposeInformatie, Minutes: 10, Role: RoleAnyOther},
		{Title: "Sluiting", Purpose: PurposeInformatie, Presenter: "voorzitter", Minutes: 5, Role: RoleClosing},
	}
	var mid []TemplateItem
	switch kind {
	case MeetingOV:
		mid = []TemplateItem{
			{Title: "Verslag en actielijst vorige overlegvergadering", Purpose: PurposeBesluitvorming, Minutes: 10, Role: RoleMinutes},
			{Title: "Mededelingen bestuurder", Purpose: PurposeInformatie, Presenter: "bestuurder", Minutes: 10, Role: RoleIncoming},
			{Title: "Mededelingen ondernemingsraad", Purpose: PurposeInformatie, Presenter: "voorzitter", Minutes: 5, Role: RoleIncoming},
		}
	case MeetingAchterban:
		mid = []TemplateItem{
			{Title: "Wat de OR de afgelopen periode deed", Purpose: PurposeInformatie, Presenter: "voorzitter", Minutes: 15, Role: RoleIncoming},
		}
	case MeetingDB:
		mid = []TemplateItem{
			{Title: "Actielijst", Purpose: PurposeBespreking, Minutes: 10, Role: RoleActionList},
			{Title: "Voorbereiding agenda's", Purpose: PurposeBespreking, Minutes: 15},
		}
	default:
		mid = []TemplateItem{
			{Title: "Verslag vorige vergadering", Purpose: PurposeBesluitvorming, Minutes: 10, Role: RoleMinutes},
			{Title: "Ingekomen stukken en mededelingen", Purpose: PurposeInformatie, Minutes: 10, Role: RoleIncoming},
			{Title: "Actielijst", Purpose: PurposeBespreking, Minutes: 10, Role: RoleActionList},
		}
	}
	out := append([]TemplateItem{open}, mid...)
	return append(out, closing...)
}

// TemplateItems turns template lines into agenda items, with the "algemene gang van zaken" for an art 24
// OV placed before the trailing items.
func TemplateItems(tpl []TemplateItem, m Meeting) []AgendaItem {
	items := make([]AgendaItem, 0, len(tpl)+1)
	for _, t := range tpl {
		items = append(items, t.Item())
	}
	if m.Kind == MeetingOV && m.Art24 {
		g := AgendaItem{Title: "Algemene gang van zaken (art 24 WOR)", Purpose: PurposeBespreking, Presenter: "bestuurder",
			Minutes: 45, Role: RoleGeneralItem}
		at := InsertPosition(items) - 1
		items = append(items[:at], append([]AgendaItem{g}, items[at:]...)...)
	}
	return Renumber(items)
}
