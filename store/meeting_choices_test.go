package store

import (
	"context"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// TestMeetingChoices: the picker gets the newest meetings up to the day, at most the limit, never a
// later, deleted or other body's meeting.
func TestMeetingChoices(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	other := newBody(t, s)
	for _, d := range []string{"2025-09-02", "2025-10-14", "2025-11-04", "2025-11-25", "2025-12-16"} {
		meetingOn(t, s, b, model.MeetingOR, d)
	}
	meetingOn(t, s, other, model.MeetingOR, "2025-11-18")
	gone := meetingOn(t, s, b, model.MeetingOV, "2025-11-20")
	if err := s.DeleteMeeting(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.MeetingChoices(ctx, b.ID, model.MustDate("2025-11-25"), 3)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, m := range got {
		dates = append(dates, m.Date.String())
	}
	if len(got) != 3 || dates[0] != "2025-11-25" || dates[1] != "2025-11-04" || dates[2] != "2025-10-14" || got[0].Kind != model.MeetingOR {
		t.Fatalf("choices %v", dates)
	}
}
