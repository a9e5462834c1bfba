package termijn

import (
	"errors"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// RuleSet is the body of law whose terms a body follows.
type RuleSet string

const (
	WOR  RuleSet = "wor"  // ondernemingsraad, COR, onderdeelcommissie
	WMS  RuleSet = "wms"  // medezeggenschapsraad (school)
	Wmcz RuleSet = "wmcz" // cliëntenraad (Wmcz 2018)
)

// ParseRuleSet reads a rule set code as typed by a user ("WOR", "wms").
func ParseRuleSet(s string) (RuleSet, error) {
	switch rs := RuleSet(strings.ToLower(strings.TrimSpace(s))); rs {
	case WOR, WMS, Wmcz:
		return rs, nil
	}
	return "", fmt.Errorf("onbekende regelset %q: kies wor, wms of wmcz", s)
}

// Rule codes of the WOR. They are a command-line contract (werkbank bereken REGEL DATUM): never rename.
const (
	CodeAgenda      = "agenda"
	CodeOVVerzoek   = "ov-verzoek"
	CodeOpschorting = "opschorting"
	CodeBeroep      = "beroep"
	CodeNietigheid  = "nietigheid"
	// CodeAfgesproken marks a term agreed with the bestuurder; it is no rule of law and not in Rules.
	CodeAfgesproken = "afgesproken"
)

// DefaultAgendaDays is the statutory minimum of art 14 lid 2 sub g WOR; a reglement may set more.
const DefaultAgendaDays = 7

// Rule is one legal term as data.
type Rule struct {
	Code       string    `json:"code"`
	Title      string    `json:"title"`
	Article    string    `json:"article"`
	Direction  Direction `json:"direction"`
	Amount     int       `json:"amount"`
	Unit       Unit      `json:"unit"`
	StartEvent string    `json:"start_event"`
	Statutory  bool      `json:"statutory"`
	Atw        bool      `json:"atw"` // the Algemene termijnenwet extends the end
}

// The opschorting is a period the bestuurder must wait rather than a term for an act; werkbank extends it
// like the appeal term it protects, so the earliest execution date never comes before the end of the
// appeal term (worked example 1).
var worRules = []Rule{
	{
		Code: CodeAgenda, Title: "Agenda versturen", Article: "art 14 lid 2 sub g WOR",
		Direction: Backward, Amount: DefaultAgendaDays, Unit: Days,
		StartEvent: "OR-vergadering", Statutory: true, Atw: false,
	},
	{
		Code: CodeOVVerzoek, Title: "Overlegvergadering houden", Article: "art 23 lid 1 WOR",
		Direction: Forward, Amount: 2, Unit: Weeks,
		StartEvent: "met redenen omkleed verzoek om een overlegvergadering", Statutory: true, Atw: true,
	},
	{
		Code: CodeOpschorting, Title: "Einde opschorting besluit", Article: "art 25 lid 6 WOR",
		Direction: Forward, Amount: 1, Unit: Months,
		StartEvent: "schriftelijke mededeling van een besluit dat afwijkt van het advies", Statutory: true, Atw: true,
	},
	{
		Code: CodeBeroep, Title: "Beroep bij de Ondernemingskamer", Article: "art 26 lid 2 WOR",
		Direction: Forward, Amount: 1, Unit: Months,
		StartEvent: "schriftelijke mededeling van het besluit, of de latere schriftelijke motivering van de afwijking",
		Statutory:  true, Atw: true,
	},
	{
		Code: CodeNietigheid, Title: "Beroep op nietigheid", Article: "art 27 lid 5 WOR",
		Direction: Forward, Amount: 1, Unit: Months,
		StartEvent: "schriftelijke mededeling van het besluit, of zonder mededeling: de OR merkt de uitvoering op",
		Statutory:  true, Atw: true,
	},
}

// Rules returns the statutory terms of a rule set. WMS and Wmcz have their own terms, which werkbank does
// not yet hold as verified data; they return none rather than borrow WOR terms that do not apply.
func Rules(set RuleSet) []Rule {
	switch set {
	case WOR:
		return append([]Rule(nil), worRules...)
	default:
		return nil
	}
}

// ErrNoRule matches every UnknownRuleError.
var ErrNoRule = errors.New("geen wettelijke termijn bekend")

// UnknownRuleError says that a rule set has no term with that code.
type UnknownRuleError struct {
	Set  RuleSet
	Code string
}

func (e *UnknownRuleError) Error() string {
	return fmt.Sprintf("geen wettelijke termijn bekend voor %s onder %s", e.Code, e.Set)
}

func (e *UnknownRuleError) Unwrap() error { return ErrNoRule }

// Lookup finds the rule with code in set.
func Lookup(set RuleSet, code string) (Rule, error) {
	if _, err := ParseRuleSet(string(set)); err != nil {
		return Rule{}, err
	}
	for _, r := range Rules(set) {
		if r.Code == code {
			return r, nil
		}
	}
	return Rule{}, &UnknownRuleError{Set: set, Code: code}
}

// AgendaRule is the agenda rule with the number of days the reglement sets; days <= 0 means the
// statutory 7.
func AgendaRule(days int) Rule {
	r := worRules[0]
	if days > 0 {
		r.Amount = days
	}
	return r
}

// Calc computes the deadline of rule code in set from start.
func Calc(set RuleSet, code string, start model.Date, cal Calendar) (Deadline, error) {
	r, err := Lookup(set, code)
	if err != nil {
		return Deadline{}, err
	}
	return Compute(r, start, cal), nil
}
