package overzicht

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/tui/golden"
)

// TestOverzichtActions: late actions with their days, and those due this week (to Sunday 30 Nov).
func TestOverzichtActions(t *testing.T) {
	st, _ := seed(t)
	ctx := context.Background()
	for _, a := range []model.Action{
		{Description: "Roosterevaluatie opvragen", Owner: "Piet", Due: day(-12)},
		{Description: "Notulen OV 10 okt uitwerken", Owner: "AS", Due: day(-5), Status: model.ActionBusy},
		{Description: "Reactie achterban verzamelen", Owner: "Sanne", Due: day(3)},
		{Description: "Volgende week", Owner: "Sanne", Due: day(8)},
		{Description: "Al gereed", Owner: "AS", Due: day(-20), Status: model.ActionDone},
	} {
		a.BodyID = 1
		if _, err := st.CreateAction(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	m := newView(st)
	v := m.View()
	golden.Assert(t, "termijnen_acties", v)
	for _, want := range []string{"✗ te laat (2)", "Roosterevaluatie opvr", "12 dgn", "5 dgn", "deze week (1)", "vr 28 nov"} {
		if !strings.Contains(v, want) {
			t.Errorf("overzicht lacks %q", want)
		}
	}
	for _, not := range []string{"Volgende week", "Al gereed"} {
		if strings.Contains(v, not) {
			t.Errorf("overzicht shows %q", not)
		}
	}
}

// TestOverzichtActionsManyAndVeryLate: an action years late (from an imported old list) shows its days in
// full, and a group longer than the store reads (model.DueListed) is counted whole.
func TestOverzichtActionsManyAndVeryLate(t *testing.T) {
	st, _ := seed(t)
	ctx := context.Background()
	for i := 0; i < model.DueListed+7; i++ {
		a := model.Action{BodyID: 1, Description: "Oude actie", Owner: "AS", Due: day(-4232 + i)}
		if _, err := st.CreateAction(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	v := newView(st).View()
	want := []string{fmt.Sprintf("✗ te laat (%d)", model.DueListed+7), "4232 dgn", fmt.Sprintf("… en %d meer", model.DueListed+7-maxActions)}
	for _, w := range want {
		if !strings.Contains(v, w) {
			t.Errorf("overzicht lacks %q:\n%s", w, v)
		}
	}
}

// TestExpiredImpositionsFlagged: an imposition whose end date passed without a release is flagged for
// review on Overzicht; a released one is not.
func TestExpiredImpositionsFlagged(t *testing.T) {
	ctx := context.Background()
	st, _ := seed(t)
	if _, err := st.CreateImposition(ctx, model.Imposition{BodyID: 1, ImposedBy: "bestuurder", Subject: "Fusieverkenning Betuwe",
		From: day(-120), Until: day(-3)}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateImposition(ctx, model.Imposition{BodyID: 1, ImposedBy: "bestuurder", Subject: "Oude verkoop",
		From: day(-300), Until: day(-200), Released: day(-150)}); err != nil {
		t.Fatal(err)
	}
	v := newView(st).View()
	for _, want := range []string{"Geheimhouding (1)", "[V] Fusieverkenning Betuwe", "verlopen: opnieuw beoordelen"} {
		if !strings.Contains(v, want) {
			t.Errorf("overzicht lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Oude verkoop") {
		t.Error("released imposition still flagged")
	}
}
