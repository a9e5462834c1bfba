package termijn

import (
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
)

// ValidateEvents refuses an order of events that cannot have happened, with a Dutch message at the field
// that is wrong (field names as in the JSON of Events). It reports the first problem only, so a form can
// show one message at one field.
func ValidateEvents(kind DossierKind, ev Events) error {
	if _, err := ParseDossierKind(string(kind)); err != nil {
		return err
	}
	dated := []struct {
		field, what string
		date        model.Date
	}{
		{"ov_requested", "het verzoek om een overlegvergadering", ev.OVRequested},
		{"ov_held", "de overlegvergadering", ev.OVHeld},
		{"advice_given", "het advies", ev.AdviceGiven},
		{"consent_given", "het besluit over instemming", ev.ConsentGiven},
		{"decision_notified", "de mededeling van het besluit", ev.DecisionNotified},
		{"reasons_received", "de motivering van het besluit", ev.ReasonsReceived},
		{"suspension_waived", "de afstand van de opschorting", ev.SuspensionWaived},
		{"execution_noticed", "het opmerken van de uitvoering", ev.ExecutionNoticed},
		{"agreed_term", "het einde van de afgesproken termijn", ev.AgreedTerm},
		{"closed", "het sluiten van het dossier", ev.Closed},
	}
	if !ev.Received.IsZero() {
		for _, e := range dated {
			if e.date.Before(ev.Received) && !e.date.IsZero() {
				return model.Invalid(e.field, fmt.Sprintf("%s (%s) ligt vóór de ontvangst van het dossier (%s)",
					e.what, e.date.Short(), ev.Received.Short()))
			}
		}
	}

	switch ev.AdviceContent {
	case "", AdvicePositive, AdviceNegative, AdviceConditional:
	default:
		return model.Invalid("advice_content", fmt.Sprintf("onbekende inhoud van het advies %q: kies positief, "+
			"negatief of voorwaardelijk", ev.AdviceContent))
	}
	if ev.AdviceContent != "" && ev.AdviceGiven.IsZero() {
		return model.Invalid("advice_given", "vul de datum van het advies in")
	}
	switch ev.ConsentContent {
	case "", ConsentGranted, ConsentRefused, ConsentConditional:
	default:
		return model.Invalid("consent_content", fmt.Sprintf("onbekend besluit over instemming %q: kies verleend, "+
			"geweigerd of voorwaardelijk", ev.ConsentContent))
	}
	if ev.ConsentContent != "" && ev.ConsentGiven.IsZero() {
		return model.Invalid("consent_given", "vul de datum van het besluit over instemming in")
	}

	if kind == Adviesaanvraag && !ev.DecisionNotified.IsZero() && ev.DecisionNotified.Before(ev.AdviceGiven) {
		return model.Invalid("decision_notified", fmt.Sprintf("het besluit (%s) kan niet vóór het advies (%s) "+
			"zijn meegedeeld: een besluit na advies volgt op het advies (art 25 lid 5 WOR)",
			ev.DecisionNotified.Short(), ev.AdviceGiven.Short()))
	}
	if !ev.ReasonsReceived.IsZero() {
		if ev.DecisionNotified.IsZero() {
			return model.Invalid("reasons_received", "vul eerst de datum in waarop het besluit is meegedeeld")
		}
		if ev.ReasonsReceived.Before(ev.DecisionNotified) {
			return model.Invalid("reasons_received", fmt.Sprintf("de motivering (%s) kan niet vóór de mededeling "+
				"van het besluit (%s) zijn ontvangen", ev.ReasonsReceived.Short(), ev.DecisionNotified.Short()))
		}
	}
	if !ev.SuspensionWaived.IsZero() {
		if kind != Adviesaanvraag {
			return model.Invalid("suspension_waived", "opschorting geldt alleen voor een besluit na een adviesaanvraag")
		}
		if ev.DecisionNotified.IsZero() {
			return model.Invalid("suspension_waived", "vul eerst de datum in waarop het besluit is meegedeeld")
		}
		if ev.SuspensionWaived.Before(ev.DecisionNotified) {
			return model.Invalid("suspension_waived", fmt.Sprintf("afstand van de opschorting (%s) kan niet vóór "+
				"de mededeling van het besluit (%s)", ev.SuspensionWaived.Short(), ev.DecisionNotified.Short()))
		}
	}
	return nil
}
