package inzicht

import (
	"reflect"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

var today = model.MustDate("2025-11-25")

func d(s string) model.Date { return model.MustDate(s) }

// meeting makes a meeting whose agenda is due a week before, as the term engine says for 7 days.
func meeting(id int64, kind model.MeetingKind, date, sent string, st model.MeetingStatus) Meeting {
	m := Meeting{Meeting: model.Meeting{ID: id, BodyID: 1, Kind: kind, Date: d(date), Status: st}}
	if sent != "" {
		m.AgendaSent = d(sent)
	}
	if kind.HasAgendaTerm() {
		m.AgendaDue = m.Date.AddDays(-7)
	}
	return m
}

func ev(kind dossier.EventKind, date, content string) dossier.Event {
	return dossier.Event{Kind: kind, Date: d(date), Content: content}
}

// fixture is a small council where every figure is known in advance: meetings, actions, dossiers and
// letters on both sides of the 2024/2025 boundary, and nothing at all in the third quarter of 2025.
func fixture() Input {
	urgent := meeting(4, model.MeetingOR, "2025-03-11", "2025-03-10", model.MeetingHeld)
	urgent.Urgent = true
	ov := func(id int64, date, sent string, st model.MeetingStatus) Meeting {
		m := meeting(id, model.MeetingOV, date, sent, st)
		m.Art24 = true
		return m
	}
	return Input{
		Bodies: []model.Body{{ID: 1, Name: "OR Test", Kind: model.KindOR, RuleSet: model.RulesWOR},
			{ID: 2, Name: "OC Test", Kind: model.KindOnderdeel, RuleSet: model.RulesWOR}},
		Meetings: []Meeting{
			meeting(1, model.MeetingOR, "2024-12-17", "2024-12-12", model.MeetingHeld), // 2 days late, in 2024
			meeting(2, model.MeetingOR, "2025-01-14", "2025-01-06", model.MeetingHeld), // on time
			ov(3, "2025-02-11", "2025-02-07", model.MeetingHeld),                       // 3 days late
			urgent,
			meeting(5, model.MeetingOR, "2025-05-13", "", model.MeetingHeld),             // unknown
			meeting(6, model.MeetingCommissie, "2025-06-10", "", model.MeetingCancelled), // cancelled
			ov(7, "2025-10-14", "2025-10-12", model.MeetingHeld),                         // 5 days late
			meeting(8, model.MeetingOR, "2025-12-09", "", model.MeetingConcept),          // pending
			ov(9, "2025-12-16", "", model.MeetingConcept),                                // pending, art 24 planned
			meeting(10, model.MeetingAchterban, "2025-04-01", "", model.MeetingHeld),     // no agenda term
			meeting(11, model.MeetingDB, "2026-01-06", "", model.MeetingConcept),         // next year
			meeting(12, model.MeetingOR, "2025-11-27", "", model.MeetingConcept),         // overdue
		},
		Actions: []model.Action{
			{ID: 1, Owner: "Jan", Created: d("2024-12-17"), Due: d("2025-01-10"), Status: model.ActionDone, Closed: d("2025-01-20"), Postponed: 1, Description: "Rooster"},
			{ID: 2, Owner: "Piet", Created: d("2025-01-14"), Due: d("2025-02-01"), Status: model.ActionDone, Closed: d("2025-02-03"), Description: "Notulen"},
			{ID: 3, Owner: "Piet", Created: d("2025-02-11"), Due: d("2025-03-01"), Status: model.ActionOpen, Postponed: 3, Description: "Geheime reorganisatie", ImpositionID: 1},
			{ID: 4, Owner: "AS", Created: d("2025-05-13"), Status: model.ActionCancelled, Closed: d("2025-06-01"), Description: "Zaal"},
			{ID: 5, Owner: "AS", Created: d("2025-10-14"), Due: d("2025-12-31"), Status: model.ActionBusy, Postponed: 2, Description: "Jaarplan"},
			{ID: 6, Owner: "Sanne", Created: d("2024-11-01"), Due: d("2024-12-01"), Status: model.ActionOpen, Description: "Achterban"},
			{ID: 7, Owner: "sanne ", Created: d("2025-11-20"), Status: model.ActionDone, Closed: d("2025-11-24"), Description: "Brief"},
		},
		Dossiers: []dossier.Dossier{
			{ID: 1, Kind: termijn.Adviesaanvraag, Title: "Reorganisatie", StartedOn: d("2025-02-03"), Events: []dossier.Event{
				ev(dossier.Received, "2025-02-03", ""), ev(dossier.Advice, "2025-03-17", "negatief"),
				ev(dossier.Decision, "2025-04-01", "afwijkend"), ev(dossier.Closing, "2025-06-01", "")}},
			{ID: 2, Kind: termijn.Adviesaanvraag, Title: "Fusie", StartedOn: d("2024-11-10"), Events: []dossier.Event{
				ev(dossier.Received, "2024-11-10", ""), ev(dossier.Advice, "2025-01-09", "positief"),
				ev(dossier.Decision, "2025-01-20", "conform")}},
			{ID: 3, Kind: termijn.Instemmingsverzoek, Title: "Werktijden", StartedOn: d("2025-04-07"), Events: []dossier.Event{
				ev(dossier.Received, "2025-04-07", ""), ev(dossier.Consent, "2025-05-05", "verleend")}},
			{ID: 4, Kind: termijn.Initiatiefvoorstel, Title: "Geheim voorstel", StartedOn: d("2025-10-01"), ImpositionID: 2, Events: []dossier.Event{
				ev(dossier.Sent, "2025-10-01", ""), ev(dossier.Answer, "2025-10-29", "")}},
			{ID: 5, Kind: termijn.Informatieverzoek, Title: "Verzuimcijfers", StartedOn: d("2025-11-03"), Events: []dossier.Event{
				ev(dossier.Sent, "2025-11-03", "")}},
		},
		Letters: []Letter{
			{ID: 1, Template: "adviesbrief-positief", TemplateName: "Adviesbrief (positief)", Status: StatusSent, SentOn: d("2025-01-09")},
			{ID: 2, Template: "adviesbrief-negatief", TemplateName: "Adviesbrief (negatief)", Status: StatusSent, SentOn: d("2025-03-17")},
			{ID: 3, Template: "ontvangstbevestiging", TemplateName: "Ontvangstbevestiging", Status: StatusSent, SentOn: d("2025-03-20")},
			{ID: 4, Template: "ontvangstbevestiging", TemplateName: "Ontvangstbevestiging", Status: StatusSent, SentOn: d("2024-12-20")},
			{ID: 5, Template: "ontvangstbevestiging", TemplateName: "Ontvangstbevestiging", Status: "concept"},
			{ID: 6, Template: "initiatiefvoorstel", TemplateName: "Initiatiefvoorstel", Status: StatusSent, SentOn: d("2025-10-01"), ImpositionID: 2},
		},
		Impositions: []model.Imposition{
			{ID: 1, ImposedBy: "bestuurder", Subject: "Geheime reorganisatie", From: d("2025-02-11")},
			{ID: 2, ImposedBy: "OR", Subject: "Geheim voorstel", From: d("2025-10-01"), Until: d("2025-11-01")},
			{ID: 3, ImposedBy: "bestuurder", From: d("2024-06-01"), Until: d("2025-01-31"), Released: d("2025-02-10")},
			{ID: 4, ImposedBy: "bestuurder", From: d("2025-03-01"), Until: d("2025-12-31")},
		},
		Members: []Member{
			{Member: model.Member{ID: 1, BodyID: 1, Name: "Anna"}, BodyKind: model.KindOR, TrainingDays: 6},
			{Member: model.Member{ID: 2, BodyID: 1, Name: "Bert", Commission: true, TermStart: d("2025-03-01")}, BodyKind: model.KindOR, TrainingDays: 4},
			{Member: model.Member{ID: 3, BodyID: 2, Name: "Cor"}, BodyKind: model.KindOnderdeel, TrainingDays: 3},
			{Member: model.Member{ID: 4, BodyID: 2, Name: "Dirk"}, BodyKind: model.KindOnderdeel, AlsoOR: true},
			{Member: model.Member{ID: 5, BodyID: 1, Name: "Eva", TermEnd: d("2024-05-31")}, BodyKind: model.KindOR, TrainingDays: 9},
		},
	}
}

func TestAgendas(t *testing.T) {
	in := fixture()
	cases := []struct {
		p    Period
		want AgendaFigures
	}{
		{Year(2025), AgendaFigures{Meetings: 8, OnTime: 1, Late: 2, Urgent: 1, Unknown: 1, Pending: 3, Overdue: 1, MedianDaysLate: 3, MaxDaysLate: 5}},
		{Year(2024), AgendaFigures{Meetings: 1, Late: 1, MedianDaysLate: 2, MaxDaysLate: 2}},
		{Period{2025, 1}, AgendaFigures{Meetings: 3, OnTime: 1, Late: 1, Urgent: 1, MedianDaysLate: 3, MaxDaysLate: 3}},
		{Period{2025, 3}, AgendaFigures{}},
	}
	for _, c := range cases {
		if got := Compute(in, c.p, 0, today).Agendas; got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.p.Label(), got, c.want)
		}
	}
}

func TestMeetings(t *testing.T) {
	f := Compute(fixture(), Year(2025), 0, today).Meetings
	if f.Held != 6 || f.Planned != 3 || f.Cancelled != 1 {
		t.Errorf("held/planned/cancelled %d/%d/%d, want 6/3/1", f.Held, f.Planned, f.Cancelled)
	}
	want := map[model.MeetingKind][2]int{model.MeetingOR: {3, 2}, model.MeetingOV: {2, 1}, model.MeetingAchterban: {1, 0},
		model.MeetingCommissie: {0, 0}, model.MeetingDB: {0, 0}}
	for _, k := range f.Kinds {
		if w := want[k.Kind]; k.Held != w[0] || k.Planned != w[1] {
			t.Errorf("%s: %d held, %d planned, want %v", k.Kind, k.Held, k.Planned, w)
		}
	}
	wantArt := []Art24Row{{BodyID: 1, Body: "OR Test", Year: 2025, Held: 2, Planned: 1, Required: 2, InPeriod: 2}}
	if !reflect.DeepEqual(f.Art24, wantArt) {
		t.Errorf("art 24 %+v, want %+v", f.Art24, wantArt)
	}
	q3 := Compute(fixture(), Period{2025, 3}, 0, today).Meetings
	if q3.Held != 0 || q3.Planned != 0 || q3.Art24[0].Held != 2 || q3.Art24[0].InPeriod != 0 {
		t.Errorf("empty quarter: %+v", q3)
	}
}

func TestActions(t *testing.T) {
	f := Compute(fixture(), Year(2025), 0, today).Actions
	if f.Opened != 5 || f.Closed != 4 || f.Done != 3 || f.Cancelled != 1 || f.Open != 3 || f.Overdue != 2 {
		t.Errorf("counts %+v", f)
	}
	if f.MedianDaysToClose != 20 || f.MaxDaysToClose != 34 {
		t.Errorf("days to close %d/%d, want 20/34", f.MedianDaysToClose, f.MaxDaysToClose)
	}
	wantPost := []Postponed{{ID: 3, Number: "A-3", Owner: "Piet", Postponed: 3, Confidential: true},
		{ID: 5, Number: "A-5", Description: "Jaarplan", Owner: "AS", Postponed: 2},
		{ID: 1, Number: "A-1", Description: "Rooster", Owner: "Jan", Postponed: 1}}
	if !reflect.DeepEqual(f.MostPostponed, wantPost) {
		t.Errorf("most postponed %+v", f.MostPostponed)
	}
	wantOwners := []OwnerCount{{"AS", 2, 1, 1, 0}, {"Piet", 2, 1, 1, 1}, {"Sanne", 1, 1, 1, 1}, {"Jan", 0, 1, 0, 0}}
	if !reflect.DeepEqual(f.Owners, wantOwners) {
		t.Errorf("owners %+v, want %+v", f.Owners, wantOwners)
	}
	y24 := Compute(fixture(), Year(2024), 0, today).Actions
	if y24.Opened != 2 || y24.Closed != 0 || y24.Open != 2 || y24.Overdue != 1 {
		t.Errorf("2024 (read on 31 dec 2024): %+v", y24)
	}
	q1 := Compute(fixture(), Period{2025, 1}, 0, today).Actions
	if q1.Opened != 2 || q1.Closed != 2 || q1.MedianDaysToClose != 20 || q1.MaxDaysToClose != 34 {
		t.Errorf("Q1: %+v", q1)
	}
	q3 := Compute(fixture(), Period{2025, 3}, 0, today).Actions
	if q3.Opened != 0 || q3.Closed != 0 || q3.Open != 2 || q3.Overdue != 2 || q3.MedianDaysToClose != 0 {
		t.Errorf("empty quarter: %+v", q3)
	}
}

func TestDossiers(t *testing.T) {
	fs := Compute(fixture(), Year(2025), 0, today).Dossiers
	byKind := map[termijn.DossierKind]DossierKindFigures{}
	for _, f := range fs {
		byKind[f.Kind] = f
	}
	adv := byKind[termijn.Adviesaanvraag]
	if adv.Opened != 1 || adv.Closed != 1 || adv.Answered != 2 || adv.MedianDays != 42 || adv.MaxDays != 60 ||
		adv.Decisions != 2 || adv.Deviating != 1 {
		t.Errorf("adviesaanvraag %+v", adv)
	}
	if !reflect.DeepEqual(adv.Outcomes, []OutcomeCount{{"positief", 1}, {"negatief", 1}, {"voorwaardelijk", 0}}) {
		t.Errorf("advice outcomes %+v", adv.Outcomes)
	}
	ins := byKind[termijn.Instemmingsverzoek]
	if ins.Opened != 1 || ins.Answered != 1 || ins.MedianDays != 28 || ins.Outcomes[0] != (OutcomeCount{"verleend", 1}) {
		t.Errorf("instemmingsverzoek %+v", ins)
	}
	if ini := byKind[termijn.Initiatiefvoorstel]; ini.Opened != 1 || ini.Answered != 1 || ini.MaxDays != 28 {
		t.Errorf("initiatiefvoorstel %+v", ini)
	}
	if inf := byKind[termijn.Informatieverzoek]; inf.Opened != 1 || inf.Answered != 0 || inf.MedianDays != 0 {
		t.Errorf("informatieverzoek %+v", inf)
	}
	y24 := Compute(fixture(), Year(2024), 0, today).Dossiers[0]
	if y24.Opened != 1 || y24.Answered != 0 || y24.Decisions != 0 {
		t.Errorf("2024 adviesaanvraag %+v", y24)
	}
}

func TestLetters(t *testing.T) {
	f := Compute(fixture(), Year(2025), 0, today).Letters
	months := make([]int, 12)
	for i, m := range f.Months {
		months[i] = m.Count
	}
	if f.Sent != 4 || !reflect.DeepEqual(months, []int{1, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0}) {
		t.Errorf("sent %d, months %v", f.Sent, months)
	}
	want := []TemplateCount{{"adviesbrief-negatief", "Adviesbrief (negatief)", 1}, {"adviesbrief-positief", "Adviesbrief (positief)", 1},
		{"initiatiefvoorstel", "Initiatiefvoorstel", 1}, {"ontvangstbevestiging", "Ontvangstbevestiging", 1}}
	if !reflect.DeepEqual(f.Templates, want) {
		t.Errorf("templates %+v", f.Templates)
	}
	q3 := Compute(fixture(), Period{2025, 3}, 0, today).Letters
	if q3.Sent != 0 || len(q3.Months) != 3 || q3.Months[0].Month != 7 || len(q3.Templates) != 0 {
		t.Errorf("empty quarter %+v", q3)
	}
}

func TestSecrecy(t *testing.T) {
	if got, want := Compute(fixture(), Year(2025), 0, today).Secrecy,
		(SecrecyFigures{Imposed: 3, Expired: 2, ExpiredUnreviewed: 1, Released: 1, Active: 2, WithoutEnd: 1}); got != want {
		t.Errorf("2025 %+v, want %+v", got, want)
	}
	if got, want := Compute(fixture(), Year(2024), 0, today).Secrecy, (SecrecyFigures{Imposed: 1, Active: 1}); got != want {
		t.Errorf("2024 %+v, want %+v", got, want)
	}
}

func TestTraining(t *testing.T) {
	f := Compute(fixture(), Year(2025), 0, today).Training
	if f.Days != 13 || f.Minimum != 16 || f.Below != 1 || len(f.Members) != 4 {
		t.Errorf("training %+v", f)
	}
	mins := map[string]int{}
	for _, m := range f.Members {
		mins[m.Name] = m.Minimum
	}
	if !reflect.DeepEqual(mins, map[string]int{"Anna": 5, "Bert": 8, "Cor": 3, "Dirk": 0}) {
		t.Errorf("minimums %v", mins)
	}
}

func TestQuarters(t *testing.T) {
	f := Compute(fixture(), Year(2025), 0, today)
	want := []QuarterFigures{
		{Quarter: 1, Meetings: 3, AgendasOnTime: 1, AgendasLate: 1, ActionsOpened: 2, ActionsClosed: 2, LettersSent: 3, DossiersOpened: 1},
		{Quarter: 2, Meetings: 2, ActionsOpened: 1, ActionsClosed: 1, DossiersOpened: 1},
		{Quarter: 3},
		{Quarter: 4, Meetings: 1, AgendasLate: 1, ActionsOpened: 2, ActionsClosed: 1, LettersSent: 1, DossiersOpened: 2},
	}
	if !reflect.DeepEqual(f.Quarters, want) {
		t.Errorf("quarters\n got %+v\nwant %+v", f.Quarters, want)
	}
	if q := Compute(fixture(), Period{2025, 2}, 0, today); len(q.Quarters) != 0 || q.Label != "K2 2025" ||
		q.From != d("2025-04-01") || q.To != d("2025-06-30") {
		t.Errorf("quarter period %+v", q)
	}
}

func TestPeriod(t *testing.T) {
	if p := (Period{2025, 4}); p.From() != d("2025-10-01") || p.To() != d("2025-12-31") || p.Next() != Year(2025) {
		t.Errorf("Q4: %s..%s next %v", p.From(), p.To(), p.Next())
	}
	if Year(2024).Contains(d("2025-01-01")) || !Year(2024).Contains(d("2024-12-31")) || Year(2024).Contains(model.Date{}) {
		t.Error("year boundary")
	}
}

func TestAnnualLeavesOutWithheld(t *testing.T) {
	in := fixture()
	a := BuildAnnual(in, in.Bodies[0], 2025, today)
	for _, m := range append(a.Matters, a.Initiatives...) {
		if m.Title == "Geheim voorstel" {
			t.Error("a dossier under an expired, unreleased imposition is in the jaarverslag")
		}
	}
	if len(a.Matters) != 3 || len(a.Initiatives) != 1 || a.Initiatives[0].Title != "Verzuimcijfers" {
		t.Errorf("matters %+v, initiatives %+v", a.Matters, a.Initiatives)
	}
	if a.Figures.Letters.Sent != 3 || a.Figures.Secrecy.Imposed != 3 {
		t.Errorf("letters %d, imposed %d", a.Figures.Letters.Sent, a.Figures.Secrecy.Imposed)
	}
	for _, p := range a.Figures.Actions.MostPostponed {
		if p.ID == 3 {
			t.Error("a confidential action is among the most postponed")
		}
	}
	if len(a.Members) != 4 || len(a.Joined) != 1 || a.Joined[0].Name != "Bert" || len(a.Meetings) != 6 {
		t.Errorf("members %d, joined %v, meetings %d", len(a.Members), a.Joined, len(a.Meetings))
	}
}
