// Package letter is the domain of the council's letters: templates as data (embedded defaults the AS
// can copy and edit), the small template syntax with named fields, rendering with a field map into a
// letter whose missing fields stay visibly marked, Dutch dates, and a line diff between two versions.
// It is pure: no I/O, no clock.
package letter

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// Template is one kind of letter: its source (Betreft and header lines, then the body) and what it is
// for. The layout around the body (sender, addressee, kenmerk, closing, signatures) is the same for every
// letter and follows letters.md.
type Template struct {
	Code    string // "adviesbrief-negatief"
	Name    string // "Adviesbrief (negatief)"
	Group   string // "adviesbrief"
	Article string // "art 25 WOR"
	// RuleSets are the bodies' rule sets this letter fits: a WOR letter is not offered to an MR.
	RuleSets []model.RuleSet
	// DossierKinds are the dossiers the letter is written for; empty means it needs no dossier.
	DossierKinds []termijn.DossierKind
	// Event is the dossier event marking the letter sent records, with its content ("advies",
	// "negatief"); empty Event records a note instead.
	Event, EventContent string
	// Ingredients are the legal ingredients of a good letter of this kind, in the order of letters.md.
	Ingredients []string
	Source      string
	// Custom is set when the AS's own copy replaces the built-in text.
	Custom bool
}

// Names lists the fields the template needs: those of the fixed layout and those its source names.
func (t Template) Names() ([]string, error) {
	own, err := Names(t.Source)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(layoutFields)
	for _, n := range own {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// layoutFields are the fields every letter's layout uses, in letters.md order.
var layoutFields = []string{"afzender", "afzender_adres", "bestuurder", "bestuurder_functie", "bedrijf", "plaats",
	"datum", "kenmerk", "aanhef", "orgaan", "voorzitter", "secretaris"}

// Validate checks a template the AS edited: a name, a Betreft line, and only known fields.
func (t Template) Validate() error {
	if strings.TrimSpace(t.Name) == "" {
		return model.Invalid("name", "naam van het sjabloon is verplicht")
	}
	if err := Check(t.Source); err != nil {
		return fmt.Errorf("sjabloon %s: %w", t.Name, err)
	}
	if p, _ := Split(t.Source); strings.TrimSpace(p.Subject) == "" {
		return model.Invalid("tekst", "sjabloon "+t.Name+": de eerste regel moet \"Betreft: ...\" zijn")
	}
	return nil
}

// Fits reports whether the template is offered to a body with this rule set.
func (t Template) Fits(rs model.RuleSet) bool { return slices.Contains(t.RuleSets, rs) }

// ForRuleSet keeps the templates that fit a rule set, in their order.
func ForRuleSet(ts []Template, rs model.RuleSet) []Template {
	var out []Template
	for _, t := range ts {
		if t.Fits(rs) {
			out = append(out, t)
		}
	}
	return out
}

//go:embed defaults/*.txt
var defaultFS embed.FS

var defaults = mustLoadDefaults()

// Defaults returns the built-in templates in the order the picker offers them.
func Defaults() []Template { return slices.Clone(defaults) }

// Default returns the built-in template with this code.
func Default(code string) (Template, bool) {
	for _, t := range defaults {
		if t.Code == code {
			return t, true
		}
	}
	return Template{}, false
}

func mustLoadDefaults() []Template {
	names, err := fs.Glob(defaultFS, "defaults/*.txt")
	if err != nil {
		panic(err)
	}
	sort.Strings(names)
	var out []Template
	for _, name := range names {
		b, err := defaultFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		t, err := parseDefault(string(b))
		if err != nil {
			panic(fmt.Sprintf("letter template %s: %v", name, err))
		}
		// The file name is "01-code.txt": the number orders the picker.
		base := strings.TrimSuffix(path.Base(name), ".txt")
		if _, code, ok := strings.Cut(base, "-"); ok {
			t.Code = code
		}
		if err := t.Validate(); err != nil {
			panic(fmt.Sprintf("letter template %s: %v", name, err))
		}
		out = append(out, t)
	}
	return out
}

// parseDefault reads a template file: "key: value" lines, a line "===", then the source.
func parseDefault(text string) (Template, error) {
	var t Template
	meta, source, ok := strings.Cut(text, "\n===\n")
	if !ok {
		return t, fmt.Errorf("no === line")
	}
	t.Source = strings.TrimLeft(source, "\n")
	for _, line := range strings.Split(meta, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "naam":
			t.Name = v
		case "soort":
			t.Group = v
		case "artikel":
			t.Article = v
		case "regelingen":
			for _, r := range strings.Fields(v) {
				t.RuleSets = append(t.RuleSets, model.RuleSet(r))
			}
		case "dossiers":
			for _, d := range strings.Fields(v) {
				k, err := termijn.ParseDossierKind(d)
				if err != nil {
					return t, err
				}
				t.DossierKinds = append(t.DossierKinds, k)
			}
		case "gebeurtenis":
			t.Event, t.EventContent, _ = strings.Cut(v, " ")
		case "ingrediënt":
			t.Ingredients = append(t.Ingredients, v)
		default:
			return t, fmt.Errorf("unknown key %q", k)
		}
	}
	return t, nil
}
