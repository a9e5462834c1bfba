package termijn

import (
	"strings"
	"testing"
)

func TestValidateEvents(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kind  DossierKind
		ev    Events
		field string // "" for valid
	}{
		{"empty", Adviesaanvraag, Events{}, ""},
		{"worked example 3", Adviesaanvraag, Events{Received: d("2025-01-10"), OVHeld: d("2025-02-11"),
			AdviceGiven: d("2025-02-20"), AdviceContent: AdviceNegative, DecisionNotified: d("2025-03-14"),
			Deviating: true, SuspensionWaived: d("2025-03-20")}, ""},
		{"events on the day of receipt", Adviesaanvraag, Events{Received: d("2025-01-10"),
			AdviceGiven: d("2025-01-10"), DecisionNotified: d("2025-01-10")}, ""},
		{"worked example 4: no receipt at all", Instemmingsverzoek, Events{ExecutionNoticed: d("2025-06-10")}, ""},
		{"unknown kind", "klacht", Events{}, "kind"},
		{"OV before receipt", Adviesaanvraag, Events{Received: d("2025-01-10"), OVHeld: d("2025-01-09")}, "ov_held"},
		{"advice before receipt", Adviesaanvraag, Events{Received: d("2025-01-10"), AdviceGiven: d("2024-12-20")},
			"advice_given"},
		{"agreed term before receipt", Adviesaanvraag, Events{Received: d("2025-01-10"), AgreedTerm: d("2025-01-01")},
			"agreed_term"},
		{"closed before receipt", Overig, Events{Received: d("2025-01-10"), Closed: d("2025-01-01")}, "closed"},
		{"decision before advice", Adviesaanvraag, Events{AdviceGiven: d("2025-02-20"),
			DecisionNotified: d("2025-02-19")}, "decision_notified"},
		{"decision before consent is the nullity case, not an error", Instemmingsverzoek,
			Events{ConsentGiven: d("2025-02-20"), DecisionNotified: d("2025-02-19")}, ""},
		{"reasons before the decision", Adviesaanvraag, Events{DecisionNotified: d("2025-03-14"),
			ReasonsReceived: d("2025-03-13")}, "reasons_received"},
		{"reasons without a decision", Adviesaanvraag, Events{ReasonsReceived: d("2025-03-13")}, "reasons_received"},
		{"waiver before the decision", Adviesaanvraag, Events{DecisionNotified: d("2025-03-14"),
			SuspensionWaived: d("2025-03-10")}, "suspension_waived"},
		{"waiver without a decision", Adviesaanvraag, Events{SuspensionWaived: d("2025-03-10")}, "suspension_waived"},
		{"waiver on an instemmingsverzoek", Instemmingsverzoek, Events{DecisionNotified: d("2025-03-14"),
			SuspensionWaived: d("2025-03-20")}, "suspension_waived"},
		{"advice content without a date", Adviesaanvraag, Events{AdviceContent: AdvicePositive}, "advice_given"},
		{"unknown advice content", Adviesaanvraag, Events{AdviceGiven: d("2025-02-20"), AdviceContent: "neutraal"},
			"advice_content"},
		{"consent content without a date", Instemmingsverzoek, Events{ConsentContent: ConsentRefused}, "consent_given"},
		{"unknown consent content", Instemmingsverzoek, Events{ConsentGiven: d("2025-02-20"), ConsentContent: "ja"},
			"consent_content"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkField(t, ValidateEvents(tc.kind, tc.ev), tc.field) })
	}
}

func TestValidateEventsMessage(t *testing.T) {
	err := ValidateEvents(Adviesaanvraag, Events{AdviceGiven: d("2025-02-20"), DecisionNotified: d("2025-02-19")})
	want := "het besluit (wo 19 feb 2025) kan niet vóór het advies (do 20 feb 2025) zijn meegedeeld"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %v, want prefix %q", err, want)
	}
	err = ValidateEvents(Overig, Events{Received: d("2025-01-10"), OVHeld: d("2025-01-09")})
	want = "de overlegvergadering (do 9 jan 2025) ligt vóór de ontvangst van het dossier (vr 10 jan 2025)"
	if err == nil || err.Error() != want {
		t.Errorf("message %v, want %q", err, want)
	}
}

func TestParseDossierKind(t *testing.T) {
	for _, k := range DossierKinds {
		if got, err := ParseDossierKind(" " + strings.ToUpper(string(k))); err != nil || got != k {
			t.Errorf("ParseDossierKind(%s) = %q, %v", k, got, err)
		}
	}
	checkField(t, func() error { _, err := ParseDossierKind("klacht"); return err }(), "kind")
}
