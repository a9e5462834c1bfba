package model

import (
	"errors"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	long := strings.Repeat("é", 201)
	cases := []struct {
		name  string
		err   error
		field string
	}{
		{"body ok", Body{Name: "OR", Kind: KindOR, RuleSet: RulesWOR}.Validate(), ""},
		{"body no name", Body{Name: "  ", Kind: KindOR, RuleSet: RulesWOR}.Validate(), "name"},
		{"body long name", Body{Name: long, Kind: KindOR, RuleSet: RulesWOR}.Validate(), "name"},
		{"body bad kind", Body{Name: "x", Kind: "vakbond", RuleSet: RulesWOR}.Validate(), "kind"},
		{"body bad rules", Body{Name: "x", Kind: KindMR, RuleSet: "cao"}.Validate(), "rule_set"},
		{"member ok", Member{Name: "Piet", Role: RoleLid}.Validate(), ""},
		{"member no role", Member{Name: "Piet"}.Validate(), "role"},
		{"member term reversed", Member{Name: "Piet", Role: RoleLid, TermStart: MustDate("2025-01-01"), TermEnd: MustDate("2024-01-01")}.Validate(), "term_end"},
		{"bestuurder bad salutation", Bestuurder{Name: "X", Salutation: "dhr"}.Validate(), "salutation"},
		{"imposition no one", Imposition{}.Validate(), "imposed_by"},
		{"imposition reversed", Imposition{ImposedBy: "bestuurder", From: MustDate("2025-02-01"), Until: MustDate("2025-01-01")}.Validate(), "until"},
		{"meeting end before start", Meeting{Kind: MeetingOR, Date: MustDate("2025-01-01"), Start: 600, End: 540}.Validate(), "end"},
		{"meeting no date", Meeting{Kind: MeetingOR, Start: 600, End: 660}.Validate(), "date"},
		{"item zero minutes", AgendaItem{Title: "x"}.Validate(), "minutes"},
		{"item negative", AgendaItem{Title: "x", Minutes: -5}.Validate(), "minutes"},
		{"item no title", AgendaItem{Minutes: 5}.Validate(), "title"},
	}
	for _, c := range cases {
		var fe *FieldError
		switch {
		case c.field == "" && c.err != nil:
			t.Errorf("%s: unexpected %v", c.name, c.err)
		case c.field != "" && !errors.As(c.err, &fe):
			t.Errorf("%s: want a FieldError on %s, got %v", c.name, c.field, c.err)
		case c.field != "" && (fe.Field != c.field || !errors.Is(c.err, ErrInvalid) || fe.Message == ""):
			t.Errorf("%s: field %q message %q", c.name, fe.Field, fe.Message)
		}
	}
}

func TestConfidentialityRule(t *testing.T) {
	d := MustDate
	cases := []struct {
		name string
		imp  *Imposition
		day  string
		want ConfidentialState
	}{
		{"none", nil, "2025-06-01", NotConfidential},
		{"no end date", &Imposition{ID: 1, ImposedBy: "b", From: d("2025-01-01")}, "2030-01-01", Active},
		{"within term", &Imposition{ID: 1, ImposedBy: "b", Until: d("2025-06-30")}, "2025-06-30", Active},
		{"expired, not reviewed", &Imposition{ID: 1, ImposedBy: "b", Until: d("2025-06-30")}, "2025-07-01", ExpiredUnreviewed},
		{"expired and released", &Imposition{ID: 1, ImposedBy: "b", Until: d("2025-06-30"), Released: d("2025-07-02")}, "2025-07-03", NotConfidential},
	}
	for _, c := range cases {
		if got := c.imp.State(d(c.day)); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		if c.imp.Withheld(d(c.day)) != (c.want != NotConfidential) {
			t.Errorf("%s: Withheld disagrees with State", c.name)
		}
	}
}

func TestParseBodyKind(t *testing.T) {
	for in, want := range map[string]BodyKind{"or": KindOR, "OR": KindOR, "cliëntenraad": KindClientenraad, "medezeggenschapsraad": KindMR} {
		if got, err := ParseBodyKind(in); err != nil || got != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	if KindMR.DefaultRuleSet() != RulesWMS || KindClientenraad.DefaultRuleSet() != RulesWmcz || KindCOR.DefaultRuleSet() != RulesWOR {
		t.Fatal("default rule sets")
	}
}
