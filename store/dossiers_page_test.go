package store

import (
	"context"
	"fmt"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func dossierKey(d dossier.Dossier) string {
	k := fmt.Sprintf("%d %s %s %s %s:", d.ID, d.Kind, d.Status, d.StartedOn, d.Owner)
	for _, e := range d.Events {
		k += fmt.Sprintf(" %d/%s/%s", e.ID, e.Kind, e.Date)
	}
	return k
}

func TestDossierPageConcatenatesToDossiers(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	other, err := s.CreateBody(ctx, model.Body{Name: "OC Thuiszorg", Kind: model.KindOnderdeel})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []termijn.DossierKind{termijn.Adviesaanvraag, termijn.Instemmingsverzoek, termijn.Informatieverzoek}
	for i := range 30 {
		body := b.ID
		if i%7 == 6 {
			body = other.ID
		}
		start := model.MustDate("2024-01-10").AddDays(i / 2 * 20) // pairs start on one day: the id decides
		d, err := s.CreateDossier(ctx, dossier.Dossier{BodyID: body, Kind: kinds[i%len(kinds)], Title: fmt.Sprintf("Dossier %d", i), StartedOn: start})
		if err != nil {
			t.Fatal(err)
		}
		if i%3 != 1 {
			if _, err := s.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: dossier.Closing, Date: start.AddDays(40), Note: "afgerond"}); err != nil {
				t.Fatal(err)
			}
		}
		if i == 12 {
			if err := s.DeleteDossier(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, f := range []dossier.Filter{{BodyID: b.ID}, {BodyID: b.ID, Status: dossier.StatusClosed}, {BodyID: b.ID, Status: dossier.StatusOpen},
		{BodyID: b.ID, Status: dossier.StatusClosed, Kind: termijn.Adviesaanvraag}, {}, {Status: dossier.StatusClosed}} {
		all, err := s.Dossiers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) == 0 {
			t.Fatalf("%+v: no dossiers", f)
		}
		for _, size := range []int{1, 4, 9, 100} {
			var got []dossier.Dossier
			for off := 0; off < len(all); off += size {
				p, err := s.DossierPage(ctx, f, off, size)
				if err != nil {
					t.Fatal(err)
				}
				if p.Total != len(all) || p.Offset != off {
					t.Fatalf("%+v size %d offset %d: total %d offset %d, want %d", f, size, off, p.Total, p.Offset, len(all))
				}
				got = append(got, p.Rows...)
			}
			if len(got) != len(all) {
				t.Fatalf("%+v size %d: %d dossiers, want %d", f, size, len(got), len(all))
			}
			for i := range all {
				if dossierKey(got[i]) != dossierKey(all[i]) {
					t.Fatalf("%+v size %d row %d: %s, want %s", f, size, i, dossierKey(got[i]), dossierKey(all[i]))
				}
			}
		}
	}
	// The open ones of a body carry their own timelines only.
	open, err := s.Dossiers(ctx, dossier.Filter{BodyID: b.ID, Status: dossier.StatusOpen})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range open {
		for _, e := range d.Events {
			if e.DossierID != d.ID || e.Kind == dossier.Closing {
				t.Fatalf("dossier %d has event %+v", d.ID, e)
			}
		}
	}
}
