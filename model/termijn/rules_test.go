package termijn

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
)

func TestRulesWOR(t *testing.T) {
	var codes []string
	for _, r := range Rules(WOR) {
		codes = append(codes, r.Code)
		if r.Title == "" || r.Article == "" || r.StartEvent == "" || r.Amount <= 0 || !r.Statutory {
			t.Errorf("incomplete rule %+v", r)
		}
		if r.Atw != (r.Direction == Forward) {
			t.Errorf("%s: Atw %v for direction %s", r.Code, r.Atw, r.Direction)
		}
	}
	// These codes are the contract of `werkbank bereken REGEL DATUM`.
	want := []string{"agenda", "ov-verzoek", "opschorting", "beroep", "nietigheid"}
	if !slices.Equal(codes, want) {
		t.Errorf("WOR codes %v, want %v", codes, want)
	}
	rs := Rules(WOR)
	rs[0].Amount = 99
	if Rules(WOR)[0].Amount != DefaultAgendaDays {
		t.Error("Rules hands out the shared table")
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		set     RuleSet
		code    string
		wantErr string
		noRule  bool
	}{
		{WOR, "beroep", "", false},
		{WOR, "agenda", "", false},
		{WOR, "bezwaar", "geen wettelijke termijn bekend voor bezwaar onder wor", true},
		{WMS, "opschorting", "geen wettelijke termijn bekend voor opschorting onder wms", true},
		{WMS, "agenda", "geen wettelijke termijn bekend voor agenda onder wms", true},
		{Wmcz, "beroep", "geen wettelijke termijn bekend voor beroep onder wmcz", true},
		{"pvt", "beroep", `onbekende regelset "pvt": kies wor, wms of wmcz`, false},
	} {
		r, err := Lookup(tc.set, tc.code)
		if tc.wantErr == "" {
			if err != nil || r.Code != tc.code {
				t.Errorf("Lookup(%s, %s) = %v, %v", tc.set, tc.code, r, err)
			}
			continue
		}
		if err == nil || err.Error() != tc.wantErr {
			t.Errorf("Lookup(%s, %s) error %v, want %q", tc.set, tc.code, err, tc.wantErr)
		}
		if errors.Is(err, ErrNoRule) != tc.noRule {
			t.Errorf("Lookup(%s, %s): errors.Is(ErrNoRule) = %v", tc.set, tc.code, !tc.noRule)
		}
		if _, err := Calc(tc.set, tc.code, d("2025-03-14"), Calendar{}); err == nil {
			t.Errorf("Calc(%s, %s) computed a term", tc.set, tc.code)
		}
	}
	if len(Rules(WMS)) != 0 || len(Rules(Wmcz)) != 0 {
		t.Error("WMS or Wmcz borrowed rules")
	}
}

func TestParseRuleSet(t *testing.T) {
	for in, want := range map[string]RuleSet{"wor": WOR, " WOR ": WOR, "Wms": WMS, "wmcz": Wmcz} {
		if got, err := ParseRuleSet(in); err != nil || got != want {
			t.Errorf("ParseRuleSet(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRuleSet("or"); err == nil {
		t.Error("ParseRuleSet(or) accepted")
	}
}

func TestDeadlineJSON(t *testing.T) {
	dl, err := Calc(WOR, CodeBeroep, d("2025-10-31"), Calendar{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(dl)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"rule": "beroep", "title": "Beroep bij de Ondernemingskamer", "article": "art 26 lid 2 WOR",
		"start": "2025-10-31", "raw_end": "2025-11-30", "end": "2025-12-01", "moved": true, "statutory": true,
		"note":        "valt op een zondag",
		"explanation": "31 okt 2025 + 1 maand = zo 30 nov 2025; Atw art 1 → ma 1 dec 2025",
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if _, ok := m["start_event"]; !ok || len(m) != 11 {
		t.Errorf("JSON keys: %s", b)
	}
	var back Deadline
	if err := json.Unmarshal(b, &back); err != nil || back != dl {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}
