package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// pagedCouncil is a body with meetings on both sides of today: ties on date and time, agendas sent in
// time and late, unsent and overdue, held, cancelled, urgent, one in the prullenbak, and one of another body.
func pagedCouncil(t *testing.T, s *Store) (model.Body, model.Date) {
	t.Helper()
	ctx := context.Background()
	b := newBody(t, s)
	other, err := s.CreateBody(ctx, model.Body{Name: "OC Thuiszorg", Kind: model.KindOnderdeel})
	if err != nil {
		t.Fatal(err)
	}
	today := model.MustDate("2025-11-25")
	kinds := []model.MeetingKind{model.MeetingOR, model.MeetingOV, model.MeetingDB, model.MeetingAchterban}
	for i := range 40 {
		day := today.AddDays((i - 25) / 2 * 3) // two or three on one day
		m := model.Meeting{BodyID: b.ID, Kind: kinds[i%len(kinds)], Date: day, Start: model.Clock(600 + 60*(i%2)), End: 840, Chair: "Anneke Smit"}
		switch i % 5 {
		case 0:
			m.AgendaSent = day.AddDays(-9)
		case 1:
			m.AgendaSent = day.AddDays(-3) // late
		case 2:
			m.Urgent, m.AgendaSent = true, day.AddDays(-1)
		case 3:
			m.Status = model.MeetingCancelled
		}
		if day.Before(today) && i%3 == 0 {
			m.Status = model.MeetingHeld
		}
		if i == 29 {
			m.Start = 600 // same day and time as meeting 30: the id decides
		}
		if _, err := s.CreateMeeting(ctx, m, nil); err != nil {
			t.Fatalf("meeting %d: %v", i, err)
		}
	}
	gone, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: today, Start: 540, End: 600}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteMeeting(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateMeeting(ctx, model.Meeting{BodyID: other.ID, Kind: model.MeetingOR, Date: today, Start: 540, End: 600}, nil); err != nil {
		t.Fatal(err)
	}
	return b, today
}

func meetingKey(r model.MeetingRow) string {
	return fmt.Sprintf("%d %s %d %d %d %s %v", r.ID, r.Date, r.Start, r.Items, r.Minutes, r.Term.State, r.Term.Late)
}

func TestMeetingPageConcatenatesToMeetingRows(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, today := pagedCouncil(t, s)
	all, err := s.MeetingRows(ctx, b.ID, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 40 {
		t.Fatalf("%d rows, want 40", len(all))
	}
	late := 0
	var next model.Meeting
	for _, r := range all {
		if r.Term.Late {
			late++
		}
		if next.ID == 0 && !r.Date.Before(today) && r.Status != model.MeetingHeld && r.Status != model.MeetingCancelled {
			next = r.Meeting
		}
	}
	if late == 0 || next.ID == 0 {
		t.Fatalf("the council should have late meetings (%d) and a next one (%d)", late, next.ID)
	}
	for _, size := range []int{1, 3, 7, 16, 40, 100} {
		var got []model.MeetingRow
		for off := 0; off < len(all); off += size {
			p, err := s.MeetingPage(ctx, b.ID, today, off, size)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(all) || p.Offset != off || p.Late != late || p.Next.ID != next.ID {
				t.Fatalf("size %d offset %d: total %d offset %d late %d next %d, want %d %d %d %d", size, off, p.Total, p.Offset,
					p.Late, p.Next.ID, len(all), off, late, next.ID)
			}
			got = append(got, p.Rows...)
		}
		if len(got) != len(all) {
			t.Fatalf("size %d: %d rows, want %d", size, len(got), len(all))
		}
		for i := range all {
			if meetingKey(got[i]) != meetingKey(all[i]) {
				t.Fatalf("size %d row %d: %s, want %s", size, i, meetingKey(got[i]), meetingKey(all[i]))
			}
		}
	}
	// A window past the end is empty, one before the start begins at 0.
	if p, err := s.MeetingPage(ctx, b.ID, today, 99, 10); err != nil || len(p.Rows) != 0 || p.Offset != 40 {
		t.Fatalf("past the end: %d rows at %d, %v", len(p.Rows), p.Offset, err)
	}
	if p, err := s.MeetingPage(ctx, b.ID, today, -5, 2); err != nil || p.Offset != 0 || p.Rows[0].ID != all[0].ID {
		t.Fatalf("before the start: %+v %v", p.Page.Offset, err)
	}
	for i, r := range all {
		pos, err := s.MeetingPosition(ctx, b.ID, today, r.ID)
		if err != nil || pos != i {
			t.Fatalf("position of row %d (%s): %d %v", i, meetingKey(r), pos, err)
		}
	}
	if _, err := s.MeetingPosition(ctx, b.ID, today, 9999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("position of a missing meeting: %v", err)
	}
}

func TestMeetingPageLateFollowsReglement(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b, today := pagedCouncil(t, s)
	p7, err := s.MeetingPage(ctx, b.ID, today, 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAgendaDays(ctx, b.ID, 10); err != nil {
		t.Fatal(err)
	}
	all, _ := s.MeetingRows(ctx, b.ID, today)
	late := 0
	for _, r := range all {
		if r.Term.Late {
			late++
		}
	}
	p10, err := s.MeetingPage(ctx, b.ID, today, 0, 5)
	if err != nil || p10.Late != late || p10.Late <= p7.Late {
		t.Fatalf("late with 10 days: %d (7 days: %d), want %d: %v", p10.Late, p7.Late, late, err)
	}
}

func TestMeetingPageEmptyAndPreviousMeeting(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	today := model.MustDate("2025-11-25")
	p, err := s.MeetingPage(ctx, b.ID, today, 0, 10)
	if err != nil || p.Total != 0 || len(p.Rows) != 0 || p.Rows == nil || p.Next.ID != 0 {
		t.Fatalf("empty: %+v %v", p, err)
	}
	if _, err := s.PreviousMeeting(ctx, b.ID, model.MeetingOV, today, 0); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("no previous OV: %v", err)
	}
	mk := func(date, chair string) model.Meeting {
		m, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOV, Date: model.MustDate(date), Start: 600, End: 720, Chair: chair}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	mk("2025-10-01", "Ingrid Bakker")
	mid := mk("2025-12-05", "Anneke Smit")
	mk("2025-12-20", "")
	later := mk("2026-01-10", "Ingrid Bakker")
	prev, err := s.PreviousMeeting(ctx, b.ID, model.MeetingOV, model.MustDate("2026-01-31"), later.ID)
	if err != nil || prev.ID != mid.ID {
		t.Fatalf("previous OV with a chair before 31 jan except itself: %d %v, want %d", prev.ID, err, mid.ID)
	}
}
