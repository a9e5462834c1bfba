package termijn

import (
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

func TestArt24Status(t *testing.T) {
	for _, tc := range []struct {
		held, planned int
		missing       int
		covered       bool
		warning       string // substring; "" means no warning
	}{
		{0, 0, 2, false, "nog niet in een overlegvergadering besproken"},
		{0, 1, 2, false, "nog twee overlegvergaderingen"},
		{0, 2, 2, true, "(2 gepland)"},
		{1, 0, 1, false, "nog één overlegvergadering"},
		{1, 1, 1, true, "(1 gepland)"},
		{2, 0, 0, true, ""},
		{3, 1, 0, true, ""},
	} {
		s := Art24Status(2025, tc.held, tc.planned)
		if s.Missing != tc.missing || s.Covered != tc.covered || s.Year != 2025 {
			t.Errorf("held %d planned %d: %+v", tc.held, tc.planned, s)
		}
		if (tc.warning == "") != (s.Warning == "") || !strings.Contains(s.Warning, tc.warning) {
			t.Errorf("held %d planned %d: warning %q, want %q", tc.held, tc.planned, s.Warning, tc.warning)
		}
	}
	if w := Art24Status(2025, 0, 1).Warning; !strings.Contains(w, "(1 gepland, te weinig)") {
		t.Errorf("warning %q", w)
	}
}

func TestAgendaLateEdges(t *testing.T) {
	if late, msg := AgendaLate(d("2025-03-18"), d("2025-03-20"), false, 7); !late ||
		!strings.Contains(msg, "9 dagen te laat") {
		t.Errorf("sent after the meeting: %v %q", late, msg)
	}
	// No send date yet: nothing to judge.
	if late, msg := AgendaLate(d("2025-03-18"), model.Date{}, false, 7); late || msg != "" {
		t.Errorf("unsent agenda: %v %q", late, msg)
	}
}
