package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func TestExtraHolidays(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	friday := termijn.Holiday{Name: "vrijdag na Hemelvaartsdag", Date: model.MustDate("2025-05-30")}
	if err := s.AddHoliday(ctx, friday); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		h          termijn.Holiday
		field, msg string
	}{
		{termijn.Holiday{Name: "dubbel", Date: friday.Date}, "date", "staat er al in (vrijdag na Hemelvaartsdag)"},
		{termijn.Holiday{Name: "Koningsdag", Date: model.MustDate("2025-04-26")}, "date", "is al een feestdag (Koningsdag)"},
		{termijn.Holiday{Name: "zondag", Date: model.MustDate("2025-06-01")}, "date", "valt in het weekend"},
		{termijn.Holiday{Name: " ", Date: model.MustDate("2025-06-02")}, "name", "geef de dag een naam"},
		{termijn.Holiday{Name: "geen datum"}, "date", "vul de datum"},
	} {
		err := s.AddHoliday(ctx, tc.h)
		if dossierField(err) != tc.field || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%+v: %v, want %s %q", tc.h, err, tc.field, tc.msg)
		}
	}
	cal, err := s.Calendar(ctx)
	if err != nil || len(cal.Extra) != 1 || cal.Extra[0] != friday {
		t.Fatalf("calendar %+v %v", cal, err)
	}
	// The equated day counts: a term ending on Ascension runs on to Monday.
	dl, _ := termijn.Calc(termijn.WOR, termijn.CodeBeroep, model.MustDate("2025-04-29"), cal)
	if dl.End.String() != "2025-06-02" {
		t.Errorf("end %s", dl.End)
	}
	if err := s.DeleteHoliday(ctx, friday.Date); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.ExtraHolidays(ctx); len(hs) != 0 {
		t.Errorf("after delete %+v", hs)
	}
	// Deleted days wait in the bin; the same day can be added again meanwhile.
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 || bin[0].Label != "vrijdag na Hemelvaartsdag 2025-05-30" {
		t.Fatalf("bin %+v", bin)
	}
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if hs, _ := s.ExtraHolidays(ctx); len(hs) != 1 {
		t.Errorf("after restore %+v", hs)
	}
	if err := s.DeleteHoliday(ctx, model.MustDate("2025-01-02")); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("delete of a day not there: %v", err)
	}
}

// TestRestoreHolidayWhoseDateIsTaken: an equated day deleted, another added on its date, and the first
// restored from the prullenbak: refused in words (no UNIQUE error), both kept as they were.
func TestRestoreHolidayWhoseDateIsTaken(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	d := model.MustDate("2026-06-01")
	if err := s.AddHoliday(ctx, termijn.Holiday{Date: d, Name: "Jubileumdag"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteHoliday(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.AddHoliday(ctx, termijn.Holiday{Date: d, Name: "Bedrijfsdag"}); err != nil {
		t.Fatal(err)
	}
	bin, err := s.Bin(ctx)
	if err != nil || len(bin) != 1 {
		t.Fatalf("bin %+v %v", bin, err)
	}
	err = s.Restore(ctx, bin[0].ID)
	var fe *model.FieldError
	if !errors.As(err, &fe) || !strings.Contains(fe.Message, "Bedrijfsdag") || strings.Contains(err.Error(), "UNIQUE") {
		t.Fatalf("restore onto a taken date: %v", err)
	}
	if bin, _ := s.Bin(ctx); len(bin) != 1 {
		t.Fatalf("the refused day left the prullenbak: %+v", bin)
	}
	if err := s.DeleteHoliday(ctx, d); err != nil {
		t.Fatal(err)
	}
	bin, _ = s.Bin(ctx)
	for _, e := range bin {
		if e.Label == "Jubileumdag" {
			if err := s.Restore(ctx, e.ID); err != nil {
				t.Fatalf("restore once the date is free: %v", err)
			}
		}
	}
}
