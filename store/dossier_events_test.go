package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func TestDossierEventsAddCorrectRemove(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	d := newDossier(t, s, b, termijn.Adviesaanvraag, "2025-01-10")
	add := func(k dossier.EventKind, date, content string) (dossier.Event, error) {
		return s.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: k, Date: model.MustDate(date), Content: content})
	}
	advice, err := add(dossier.Advice, "2025-02-20", "negatief")
	if err != nil {
		t.Fatal(err)
	}
	decision, err := add(dossier.Decision, "2025-03-14", dossier.DecisionDeviating)
	if err != nil {
		t.Fatal(err)
	}

	// Bad input: a clear message at the field, nothing saved.
	for _, tc := range []struct {
		kind          dossier.EventKind
		date, content string
		field, msg    string
	}{
		{dossier.OVHeld, "2025-01-09", "", "date", "ligt vóór de start van het dossier"},
		{dossier.Decision, "2025-02-19", dossier.DecisionDeviating, "date", "kan niet vóór het advies"},
		{dossier.Advice, "2025-02-25", "neutraal", "content", "positief, negatief"},
		{dossier.Consent, "2025-02-25", "verleend", "kind", "hoort niet bij"},
		{dossier.Reasons, "2025-03-13", "", "date", "motivering"},
	} {
		_, err := add(tc.kind, tc.date, tc.content)
		if dossierField(err) != tc.field || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s %s: %v, want %s %q", tc.kind, tc.date, err, tc.field, tc.msg)
		}
	}
	if _, err := s.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: "klacht", Date: model.MustDate("2025-03-01")}); dossierField(err) != "kind" {
		t.Errorf("unknown kind: %v", err)
	}
	if got, _ := s.Dossier(ctx, d.ID); len(got.Events) != 3 {
		t.Fatalf("refused events were saved: %+v", got.Events)
	}

	// Correcting the advice to after the decision is refused; a plain correction works once.
	advice.Date = model.MustDate("2025-03-20")
	if _, err := s.UpdateDossierEvent(ctx, advice); dossierField(err) != "date" {
		t.Errorf("advice after the decision: %v", err)
	}
	advice.Date = model.MustDate("2025-02-21")
	advice.Note = "per brief"
	fixed, err := s.UpdateDossierEvent(ctx, advice)
	if err != nil || fixed.Version != 2 || fixed.Kind != dossier.Advice {
		t.Fatalf("correct: %v %+v", err, fixed)
	}
	if _, err := s.UpdateDossierEvent(ctx, advice); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale correction: %v", err)
	}

	// The worked example through the store: the terms follow the timeline.
	got, _ := s.Dossier(ctx, d.ID)
	terms := dossier.Terms(got, termijn.WOR, termijn.Calendar{})
	if len(terms) != 2 || !terms[0].End.Equal(model.MustDate("2025-04-14")) {
		t.Fatalf("terms %+v", terms)
	}

	// Removing the decision while its motivering is there would leave a timeline that cannot be.
	if _, err := add(dossier.Reasons, "2025-03-20", ""); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDossierEvent(ctx, decision.ID); dossierField(err) != "date" || !strings.Contains(err.Error(), "kan niet weg") {
		t.Errorf("removing the decision: %v", err)
	}

	// Closing and reopening through the bin.
	closing, err := add(dossier.Closing, "2025-05-01", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Dossier(ctx, d.ID); got.Status != dossier.StatusClosed {
		t.Errorf("status after closing %s", got.Status)
	}
	if err := s.DeleteDossierEvent(ctx, closing.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Dossier(ctx, d.ID); got.Status != dossier.StatusOpen {
		t.Errorf("status after removing the closing %s", got.Status)
	}
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 || bin[0].Kind != "dossier_events" || bin[0].Label != "gesloten 2025-05-01" {
		t.Fatalf("bin %+v", bin)
	}
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Dossier(ctx, d.ID); got.Status != dossier.StatusClosed {
		t.Errorf("status after restoring the closing %s", got.Status)
	}
	if err := s.DeleteDossierEvent(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("missing event: %v", err)
	}
}

func TestDossierEventsReadOnly(t *testing.T) {
	s, path := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	d := newDossier(t, s, b, termijn.Overig, "2025-01-10")
	s.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.AddDossierEvent(ctx, dossier.Event{DossierID: d.ID, Kind: dossier.OVHeld, Date: model.MustDate("2025-02-01")}); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("read-only add: %v", err)
	}
	if _, err := ro.CreateDossier(ctx, dossier.Dossier{BodyID: b.ID, Kind: termijn.Overig, Title: "x", StartedOn: model.MustDate("2025-01-10")}); !errors.Is(err, model.ErrReadOnly) {
		t.Errorf("read-only create: %v", err)
	}
	if ds, err := ro.Dossiers(ctx, dossier.Filter{}); err != nil || len(ds) != 1 {
		t.Errorf("read-only list: %v %d", err, len(ds))
	}
}
