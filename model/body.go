package model

import "strings"

// BodyKind is the kind of body an AS supports.
type BodyKind string

const (
	KindOR           BodyKind = "or"
	KindCOR          BodyKind = "cor"
	KindOnderdeel    BodyKind = "onderdeelcommissie"
	KindMR           BodyKind = "mr"
	KindClientenraad BodyKind = "clientenraad"
)

// BodyKinds lists the kinds in the order the UI offers them.
var BodyKinds = []BodyKind{KindOR, KindCOR, KindOnderdeel, KindMR, KindClientenraad}

// Label is the Dutch name of the kind.
func (k BodyKind) Label() string {
	switch k {
	case KindOR:
		return "ondernemingsraad"
	case KindCOR:
		return "centrale ondernemingsraad"
	case KindOnderdeel:
		return "onderdeelcommissie"
	case KindMR:
		return "medezeggenschapsraad"
	case KindClientenraad:
		return "cliëntenraad"
	}
	return string(k)
}

// RuleSet names the law whose terms apply to a body.
type RuleSet string

const (
	RulesWOR  RuleSet = "wor"
	RulesWMS  RuleSet = "wms"
	RulesWmcz RuleSet = "wmcz"
)

// DefaultRuleSet is the law that normally governs a body of kind k.
func (k BodyKind) DefaultRuleSet() RuleSet {
	switch k {
	case KindMR:
		return RulesWMS
	case KindClientenraad:
		return RulesWmcz
	}
	return RulesWOR
}

// ParseBodyKind accepts the code or the Dutch label, case-insensitively.
func ParseBodyKind(s string) (BodyKind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range BodyKinds {
		if s == string(k) || s == k.Label() {
			return k, nil
		}
	}
	if s == "cliëntenraad" {
		return KindClientenraad, nil
	}
	return "", Invalid("kind", "onbekend soort orgaan: kies or, cor, onderdeelcommissie, mr of clientenraad")
}

// Body is an orgaan the AS supports: an OR, a COR, an onderdeelcommissie, an MR or a cliëntenraad.
type Body struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Kind    BodyKind `json:"kind"`
	RuleSet RuleSet  `json:"rule_set"`
	Company string   `json:"company"`
	Address string   `json:"address"`
	Place   string   `json:"place"`
	Active  bool     `json:"active"`
	Version int64    `json:"version"`
}

// Validate checks the fields a user fills in.
func (b Body) Validate() error {
	if strings.TrimSpace(b.Name) == "" {
		return Invalid("name", "naam is verplicht")
	}
	if len([]rune(b.Name)) > 200 {
		return Invalid("name", "naam is te lang (meer dan 200 tekens)")
	}
	if _, err := ParseBodyKind(string(b.Kind)); err != nil {
		return err
	}
	switch b.RuleSet {
	case RulesWOR, RulesWMS, RulesWmcz:
	default:
		return Invalid("rule_set", "onbekende regeling: kies wor, wms of wmcz")
	}
	return nil
}

// Role is a member's role in the body.
type Role string

const (
	RoleVoorzitter     Role = "voorzitter"
	RoleVicevoorzitter Role = "vicevoorzitter"
	RoleSecretaris     Role = "secretaris"
	RoleLid            Role = "lid"
)

// Roles lists the roles in display order.
var Roles = []Role{RoleVoorzitter, RoleVicevoorzitter, RoleSecretaris, RoleLid}

// Member is a lid of a body, with a term of office (art 12 WOR).
type Member struct {
	ID        int64  `json:"id"`
	BodyID    int64  `json:"body_id"`
	Name      string `json:"name"`
	Role      Role   `json:"role"`
	Email     string `json:"email"`
	TermStart Date   `json:"term_start"`
	TermEnd   Date   `json:"term_end"`
	// Commission is true for a member who also sits on a commission (8 training days under art 18).
	Commission bool  `json:"commission"`
	Version    int64 `json:"version"`
}

// Validate checks the fields a user fills in.
func (m Member) Validate() error {
	if strings.TrimSpace(m.Name) == "" {
		return Invalid("name", "naam is verplicht")
	}
	if len([]rune(m.Name)) > 200 {
		return Invalid("name", "naam is te lang (meer dan 200 tekens)")
	}
	ok := false
	for _, r := range Roles {
		ok = ok || r == m.Role
	}
	if !ok {
		return Invalid("role", "onbekende rol: kies voorzitter, vicevoorzitter, secretaris of lid")
	}
	if !m.TermStart.IsZero() && !m.TermEnd.IsZero() && m.TermEnd.Before(m.TermStart) {
		return Invalid("term_end", "einde zittingstermijn ligt voor het begin")
	}
	return nil
}

// Bestuurder is the employer's representative a body deals with.
type Bestuurder struct {
	ID     int64  `json:"id"`
	BodyID int64  `json:"body_id"`
	Name   string `json:"name"`
	// Title is the job title, for example "directeur-bestuurder".
	Title string `json:"title"`
	// Salutation is "heer" or "mevrouw" (or empty), used in letters.
	Salutation string `json:"salutation"`
	Email      string `json:"email"`
	Version    int64  `json:"version"`
}

// Validate checks the fields a user fills in.
func (b Bestuurder) Validate() error {
	if strings.TrimSpace(b.Name) == "" {
		return Invalid("name", "naam is verplicht")
	}
	switch b.Salutation {
	case "", "heer", "mevrouw":
	default:
		return Invalid("salutation", "aanhef is heer, mevrouw of leeg")
	}
	return nil
}
