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

func newDossier(t *testing.T, s *Store, b model.Body, kind termijn.DossierKind, started string) dossier.Dossier {
	t.Helper()
	d, err := s.CreateDossier(context.Background(), dossier.Dossier{BodyID: b.ID, Kind: kind, Title: "Reorganisatie FD",
		Description: "42 medewerkers", StartedOn: model.MustDate(started)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func dossierField(err error) string {
	var fe *model.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func TestCreateDossierStartsTimeline(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	m, err := s.CreateMember(ctx, model.Member{BodyID: b.ID, Name: "Sanne de Vries", Role: model.RoleLid})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.CreateDossier(ctx, dossier.Dossier{BodyID: b.ID, Kind: termijn.Adviesaanvraag, Title: " Reorganisatie ",
		OwnerID: m.ID, StartedOn: model.MustDate("2025-09-12")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Reorganisatie" || got.Owner != "Sanne de Vries" || got.Status != dossier.StatusOpen || got.Version != 1 {
		t.Errorf("dossier %+v", got)
	}
	if len(got.Events) != 1 || got.Events[0].Kind != dossier.Received || !got.Events[0].Date.Equal(got.StartedOn) {
		t.Errorf("first event %+v", got.Events)
	}
	overig := newDossier(t, s, b, termijn.Overig, "2025-09-12")
	if got, _ := s.Dossier(ctx, overig.ID); len(got.Events) != 0 {
		t.Errorf("overig starts with %+v", got.Events)
	}
	info := newDossier(t, s, b, termijn.Informatieverzoek, "2025-09-12")
	if got, _ := s.Dossier(ctx, info.ID); len(got.Events) != 1 || got.Events[0].Kind != dossier.Sent {
		t.Errorf("informatieverzoek starts with %+v", got.Events)
	}
}

func TestCreateDossierRefusesBadInput(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	other, _ := s.CreateBody(ctx, model.Body{Name: "OC", Kind: model.KindOnderdeel})
	stranger, _ := s.CreateMember(ctx, model.Member{BodyID: other.ID, Name: "Elders", Role: model.RoleLid})
	for _, tc := range []struct {
		d     dossier.Dossier
		field string
	}{
		{dossier.Dossier{BodyID: b.ID, Kind: "klacht", Title: "x", StartedOn: model.MustDate("2025-01-01")}, "kind"},
		{dossier.Dossier{BodyID: b.ID, Kind: termijn.Overig, Title: "  ", StartedOn: model.MustDate("2025-01-01")}, "title"},
		{dossier.Dossier{BodyID: b.ID, Kind: termijn.Overig, Title: "x"}, "started_on"},
		{dossier.Dossier{BodyID: b.ID, Kind: termijn.Overig, Title: "x", StartedOn: model.MustDate("2025-01-01"),
			OwnerID: stranger.ID}, "owner_id"},
	} {
		if _, err := s.CreateDossier(ctx, tc.d); dossierField(err) != tc.field {
			t.Errorf("%+v: error %v, want field %s", tc.d, err, tc.field)
		}
	}
	if ds, _ := s.Dossiers(ctx, dossier.Filter{}); len(ds) != 0 {
		t.Errorf("something was saved: %+v", ds)
	}
}

func TestDossiersFilterAndUpdate(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	other, _ := s.CreateBody(ctx, model.Body{Name: "OC", Kind: model.KindOnderdeel})
	a := newDossier(t, s, b, termijn.Adviesaanvraag, "2025-09-12")
	i := newDossier(t, s, b, termijn.Instemmingsverzoek, "2025-10-01")
	newDossier(t, s, other, termijn.Overig, "2025-10-02")
	if _, err := s.AddDossierEvent(ctx, dossier.Event{DossierID: i.ID, Kind: dossier.Closing, Date: model.MustDate("2025-10-20")}); err != nil {
		t.Fatal(err)
	}
	count := func(f dossier.Filter) int {
		ds, err := s.Dossiers(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		return len(ds)
	}
	if n := count(dossier.Filter{}); n != 3 {
		t.Errorf("all: %d", n)
	}
	if n := count(dossier.Filter{BodyID: b.ID, Status: dossier.StatusOpen}); n != 1 {
		t.Errorf("open of body: %d", n)
	}
	if n := count(dossier.Filter{Status: dossier.StatusClosed}); n != 1 {
		t.Errorf("closed: %d", n)
	}
	if n := count(dossier.Filter{Kind: termijn.Instemmingsverzoek}); n != 1 {
		t.Errorf("kind: %d", n)
	}
	ds, _ := s.Dossiers(ctx, dossier.Filter{BodyID: b.ID})
	if len(ds[0].Events) != 2 || len(ds[1].Events) != 1 {
		t.Errorf("timelines not loaded: %+v", ds)
	}

	a.Title = "Reorganisatie facilitaire dienst"
	a2, err := s.UpdateDossier(ctx, a)
	if err != nil || a2.Version != 2 {
		t.Fatalf("update: %v %+v", err, a2)
	}
	if _, err := s.UpdateDossier(ctx, a); !errors.Is(err, model.ErrConflict) {
		t.Errorf("stale update: %v", err)
	}
	// A start after the first event, or a kind the timeline does not fit, is refused at its field.
	if _, err := s.AddDossierEvent(ctx, dossier.Event{DossierID: a.ID, Kind: dossier.Advice, Date: model.MustDate("2025-10-24"),
		Content: "negatief"}); err != nil {
		t.Fatal(err)
	}
	late := a2
	late.StartedOn = model.MustDate("2025-10-01")
	if _, err := s.UpdateDossier(ctx, late); dossierField(err) != "started_on" {
		t.Errorf("start after the first event: %v", err)
	}
	kind := a2
	kind.Kind = termijn.Instemmingsverzoek
	if _, err := s.UpdateDossier(ctx, kind); dossierField(err) != "kind" || !strings.Contains(err.Error(), "advies uitgebracht") {
		t.Errorf("kind change: %v", err)
	}
	if got, _ := s.Dossier(ctx, a.ID); got.Version != 2 || got.Kind != termijn.Adviesaanvraag {
		t.Errorf("refused update changed the dossier: %+v", got)
	}

	if err := s.DeleteDossier(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Dossier(ctx, a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted dossier: %v", err)
	}
	bin, _ := s.Bin(ctx)
	if len(bin) != 1 || bin[0].Kind != "dossiers" || bin[0].Label != "Reorganisatie facilitaire dienst" {
		t.Fatalf("bin %+v", bin)
	}
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Dossier(ctx, a.ID); err != nil || len(got.Events) != 2 {
		t.Errorf("restored: %v %+v", err, got)
	}
}

func TestDossierLinks(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	d := newDossier(t, s, b, termijn.Adviesaanvraag, "2025-09-12")
	if l, err := s.DossierLinks(ctx, d.ID); err != nil || l != (dossier.Links{}) {
		t.Fatalf("empty links: %+v %v", l, err)
	}
	m, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"),
		Start: 810, End: 960}, []model.AgendaItem{{Title: "Reorganisatie", Minutes: 30, DossierID: d.ID}, {Title: "Rondvraag", Minutes: 5}})
	if err != nil || m.ID == 0 {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`INSERT INTO actions (body_id, description, owner, dossier_id, created_on) VALUES (?, 'Reactie', 'AS', ?, '2025-11-01')`,
		b.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	l, err := s.DossierLinks(ctx, d.ID)
	if err != nil || l.AgendaItems != 1 || l.Actions != 1 || l.Documents != 0 {
		t.Errorf("links %+v %v", l, err)
	}
	if !strings.HasPrefix(l.Text(), "stukken (0) · brieven (0) · agendapunten (1) · acties (1)") {
		t.Errorf("text %q", l.Text())
	}
}

func TestTermijnen(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	d := newDossier(t, s, b, termijn.Adviesaanvraag, "2025-09-12")
	for _, e := range []dossier.Event{
		{Kind: dossier.OVHeld, Date: model.MustDate("2025-10-10")},
		{Kind: dossier.Advice, Date: model.MustDate("2025-10-24"), Content: "negatief"},
		{Kind: dossier.Decision, Date: model.MustDate("2025-10-31"), Content: dossier.DecisionDeviating},
	} {
		e.DossierID = d.ID
		if _, err := s.AddDossierEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2025-12-02"),
		Start: 810, End: 960}, nil); err != nil {
		t.Fatal(err)
	}
	ov, err := s.Termijnen(ctx, b.ID, model.MustDate("2025-11-25"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range ov.Items {
		got = append(got, it.Deadline.End.String()+" "+it.Deadline.Rule+" "+it.Remaining)
	}
	want := "2025-11-25 agenda vandaag|2025-12-01 opschorting 6 dagen|2025-12-01 beroep 6 dagen|2025-12-31 art24 36 dagen"
	if strings.Join(got, "|") != want {
		t.Errorf("items %s\nwant  %s", strings.Join(got, "|"), want)
	}
	if ov.Items[1].DossierID != d.ID || ov.Items[1].Deadline.RawEnd.String() != "2025-11-30" {
		t.Errorf("dossier item %+v", ov.Items[1])
	}
	// An equated day moves the end further.
	if err := s.AddHoliday(ctx, termijn.Holiday{Name: "gelijkgestelde dag", Date: model.MustDate("2025-12-01")}); err != nil {
		t.Fatal(err)
	}
	ov, _ = s.Termijnen(ctx, 0, model.MustDate("2025-11-25"))
	if e := ov.Items[1].Deadline.End.String(); e != "2025-12-02" {
		t.Errorf("with an equated day: end %s", e)
	}
}
