package acties

import (
	"context"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// A new action typed fast: every impossible value is refused at its field in Dutch, and the store
// holds exactly what it held before.
func TestNewActionRefusesHostileInput(t *testing.T) {
	long := strings.Repeat("lang ", 2000) // 10,000 characters pasted
	for _, tc := range []struct {
		name, desc, due, want string
	}{
		{"lege omschrijving", "", "2025-12-09", "omschrijving is verplicht"},
		{"witruimte", "   ", "2025-12-09", "omschrijving is verplicht"},
		{"31 februari", "Rooster delen", "31-02-2026", "februari 2026 heeft geen dag 31"},
		{"maand 13", "Rooster delen", "2026-13-01", "maand 13 bestaat niet"},
		{"tijd als datum", "Rooster delen", "25:00", "geen datum"},
		{"geplakte omschrijving", long, "2025-12-09", "omschrijving is te lang"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, nov := council(t)
			count := func() int {
				all, err := st.Actions(context.Background(), nov.BodyID, model.ActionFilter{}, model.DateOf(testNow()))
				if err != nil {
					t.Fatal(err)
				}
				return len(all)
			}
			before := count()
			m := newView(t, st, false)
			press(m, "n", tc.desc, "tab", "tab", "ctrl+u", tc.due, "ctrl+s")
			if v := m.View(); !strings.Contains(v, tc.want) {
				t.Errorf("no message %q at the field:\n%s", tc.want, v)
			}
			if after := count(); after != before {
				t.Errorf("saved: %d actions, was %d", after, before)
			}
		})
	}
}
