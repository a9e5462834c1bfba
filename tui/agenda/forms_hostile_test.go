package agenda

import (
	"strings"
	"testing"
)

// The meeting form typed fast: a time that does not exist, an end before the start and a pasted
// location are each refused at their field, and no meeting is saved.
func TestMeetingFormHostileInput(t *testing.T) {
	long := strings.Repeat("lang ", 2000) // 10,000 characters pasted
	for _, tc := range []struct {
		name            string
		start, end, loc string
		want            string
	}{
		{"begin 25:00", "25:00", "16:00", "", "bestaat niet: uren 0-23"},
		{"einde 12:60", "13:30", "12:60", "", "minuten 0-59"},
		{"einde voor begin", "13:30", "09:00", "", "de eindtijd ligt niet na de begintijd"},
		{"einde gelijk aan begin", "13:30", "13:30", "", "de eindtijd ligt niet na de begintijd"},
		{"geplakte plaats", "13:30", "16:00", long, "plaats is te lang"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newView(t, council(t), false)
			n := m.list.Total
			press(m, "n", "tab", "tab", "ctrl+u")
			typeText(m, tc.start)
			press(m, "tab", "ctrl+u")
			typeText(m, tc.end)
			press(m, "tab")
			typeText(m, tc.loc)
			press(m, "ctrl+s")
			if v := m.View(); !strings.Contains(v, tc.want) {
				t.Errorf("no message %q:\n%s", tc.want, v)
			}
			if m.list.Total != n || m.form == nil {
				t.Errorf("saved: %d rows, was %d", m.list.Total, n)
			}
		})
	}
}
