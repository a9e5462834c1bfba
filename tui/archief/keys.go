package archief

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/werkbank-nl/werkbank/model"
)

// KeyMap holds the keys of the Archief. They avoid the global keys (1-6, tab, q, ?, ",", P, O) and the
// viewport's paging keys (f b d u h l and space).
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Import, Original, Delete, Back    key.Binding
	Edit, Dossier, SaveAs                   key.Binding
	Complete, Start, Cancel, Confirm        key.Binding
	Search, TypeFilter, SortOrder           key.Binding
	NextMatch, PrevMatch                    key.Binding
}

// DefaultKeyMap returns the keys; write keys are disabled (and so absent from help) when read-only.
func DefaultKeyMap(readOnly bool) KeyMap {
	k := KeyMap{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "omhoog")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "omlaag")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "pagina terug")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "pagina verder")),
		Top:      key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "begin")),
		Bottom:   key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "eind")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "openen")),
		Import:   key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "importeren")),
		Original: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "origineel openen")),
		Delete:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "naar prullenbak")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "terug")),
		Edit:     key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "gegevens bewerken")),
		Dossier:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "dossier koppelen")),
		SaveAs:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "origineel opslaan als")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "pad aanvullen")),
		Start:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "starten")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "annuleren")),
		Confirm:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "kiezen")),
		// While typing in the search box t and r are letters: ctrl+t and ctrl+r do the same there.
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "zoeken")),
		TypeFilter: key.NewBinding(key.WithKeys("t", "ctrl+t"), key.WithHelp("t/ctrl+t", "soort")),
		SortOrder:  key.NewBinding(key.WithKeys("r", "ctrl+r"), key.WithHelp("r/ctrl+r", "relevantie/datum")),
		NextMatch:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "volgende/vorige treffer")),
		PrevMatch:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "vorige treffer")),
	}
	for _, b := range []*key.Binding{&k.Import, &k.Delete, &k.Edit, &k.Dossier} {
		b.SetEnabled(!readOnly)
	}
	return k
}

// ShortHelp depends on what the Archief shows.
func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.mode {
	case modePrompt, modeSavePrompt:
		return []key.Binding{k.Complete, k.Start, k.Cancel}
	case modeImporting:
		return []key.Binding{withHelp(k.Cancel, "afbreken")}
	case modeSummary:
		return []key.Binding{k.Up, k.Down, withHelp(k.Back, "sluiten")}
	case modePicker:
		return []key.Binding{k.Up, k.Down, k.Confirm, k.Cancel}
	case modeHit:
		if m.srch.hit.Kind == model.HitAction {
			return []key.Binding{withHelp(k.Open, "naar Acties"), k.Back}
		}
		return []key.Binding{k.Back}
	case modeDoc:
		if m.form != nil {
			return m.form.Help()
		}
		if len(m.matches) > 0 {
			return []key.Binding{k.NextMatch, k.Edit, k.Dossier, k.Original, k.SaveAs, k.Delete, k.Back}
		}
		return []key.Binding{k.Edit, k.Dossier, k.Original, k.SaveAs, k.Delete, k.Back}
	}
	if m.srch.active {
		return []key.Binding{k.Up, k.Down, k.Open, k.TypeFilter, k.SortOrder, k.Search, withHelp(k.Back, "sluiten")}
	}
	return []key.Binding{k.Up, k.Down, k.Open, k.Search, k.Original, k.Import, k.Delete}
}

// FullHelp lists every key of the list and the document view.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Original, k.Import, k.Delete},
		{k.Search, k.TypeFilter, k.SortOrder, k.NextMatch},
		{k.Edit, k.Dossier, k.SaveAs, k.Back},
	}
}

func withHelp(b key.Binding, desc string) key.Binding {
	h := b.Help()
	b.SetHelp(h.Key, desc)
	return b
}
