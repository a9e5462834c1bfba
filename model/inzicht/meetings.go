package inzicht

import "github.com/werkbank-nl/werkbank/model"

// AgendaFigures say whether agendas went out in time (art 14 lid 2 sub g WOR), for the meetings in the
// period whose kind has an agenda term and that were not cancelled.
type AgendaFigures struct {
	// Meetings counts every meeting with an agenda term in the period.
	Meetings int `json:"meetings"`
	OnTime   int `json:"on_time"`
	Late     int `json:"late"`
	// Urgent: sent after the due day, but the meeting was marked spoedeisend (not late by law).
	Urgent int `json:"urgent"`
	// Unknown: the meeting is past and nobody recorded when the agenda went out.
	Unknown int `json:"unknown"`
	// Pending: not sent yet, meeting still ahead; Overdue of those are already past their due day.
	Pending int `json:"pending"`
	Overdue int `json:"overdue"`
	// Days late of the agendas sent late: median and maximum.
	MedianDaysLate int `json:"median_days_late"`
	MaxDaysLate    int `json:"max_days_late"`
}

func agendas(ms []Meeting, p Period, today model.Date) AgendaFigures {
	var f AgendaFigures
	var late []int
	for _, m := range ms {
		if !p.Contains(m.Date) || m.Status == model.MeetingCancelled || !m.Kind.HasAgendaTerm() || m.AgendaDue.IsZero() {
			continue
		}
		f.Meetings++
		switch {
		case !m.AgendaSent.IsZero() && !m.AgendaSent.After(m.AgendaDue):
			f.OnTime++
		case !m.AgendaSent.IsZero() && m.Urgent:
			f.Urgent++
		case !m.AgendaSent.IsZero():
			f.Late++
			late = append(late, m.AgendaDue.DaysUntil(m.AgendaSent))
		case m.Status == model.MeetingHeld || today.After(m.Date):
			f.Unknown++
		default:
			f.Pending++
			if today.After(m.AgendaDue) && !m.Urgent {
				f.Overdue++
			}
		}
	}
	f.MedianDaysLate, f.MaxDaysLate = median(late), maxOf(late)
	return f
}

// MeetingFigures count meetings per kind and the art 24 overlegvergaderingen.
type MeetingFigures struct {
	// Held counts meetings held (status gehouden, or dated before today and not cancelled).
	Held      int         `json:"held"`
	Planned   int         `json:"planned"`
	Cancelled int         `json:"cancelled"`
	Kinds     []KindCount `json:"kinds"`
	// Art24 has one row per OR or COR under the WOR (art 24 binds the ondernemingsraad): the overlegvergaderingen on the algemene gang van zaken
	// in the period's calendar year, against the two art 24 requires.
	Art24 []Art24Row `json:"art24"`
}

// KindCount is one meeting kind's count.
type KindCount struct {
	Kind    model.MeetingKind `json:"kind"`
	Label   string            `json:"label"`
	Held    int               `json:"held"`
	Planned int               `json:"planned"`
}

// Art24Required is how often a year the OV must discuss the algemene gang van zaken (art 24 WOR).
const Art24Required = 2

// Art24Row is one body's art 24 count for the calendar year; InPeriod counts those held in the period.
type Art24Row struct {
	BodyID   int64  `json:"body_id"`
	Body     string `json:"body"`
	Year     int    `json:"year"`
	Held     int    `json:"held"`
	Planned  int    `json:"planned"`
	Required int    `json:"required"`
	InPeriod int    `json:"in_period"`
}

func held(m model.Meeting, today model.Date) bool {
	return m.Status != model.MeetingCancelled && (m.Status == model.MeetingHeld || m.Date.Before(today))
}

func meetings(in Input, p Period, today model.Date) MeetingFigures {
	f := MeetingFigures{Kinds: []KindCount{}, Art24: []Art24Row{}}
	per := map[model.MeetingKind]*KindCount{}
	for _, k := range model.MeetingKinds {
		f.Kinds = append(f.Kinds, KindCount{Kind: k, Label: k.Label()})
	}
	for i := range f.Kinds {
		per[f.Kinds[i].Kind] = &f.Kinds[i]
	}
	year := Year(p.Year)
	art := map[int64]*Art24Row{}
	for _, b := range in.Bodies {
		if b.RuleSet == model.RulesWOR && (b.Kind == model.KindOR || b.Kind == model.KindCOR) {
			f.Art24 = append(f.Art24, Art24Row{BodyID: b.ID, Body: b.Name, Year: p.Year, Required: Art24Required})
		}
	}
	for i := range f.Art24 {
		art[f.Art24[i].BodyID] = &f.Art24[i]
	}
	for _, m := range in.Meetings {
		if r := art[m.BodyID]; r != nil && m.Kind == model.MeetingOV && m.Art24 && year.Contains(m.Date) && m.Status != model.MeetingCancelled {
			switch {
			case held(m.Meeting, today):
				r.Held++
				if p.Contains(m.Date) {
					r.InPeriod++
				}
			default:
				r.Planned++
			}
		}
		if !p.Contains(m.Date) {
			continue
		}
		k := per[m.Kind]
		switch {
		case m.Status == model.MeetingCancelled:
			f.Cancelled++
		case held(m.Meeting, today):
			f.Held++
			if k != nil {
				k.Held++
			}
		default:
			f.Planned++
			if k != nil {
				k.Planned++
			}
		}
	}
	return f
}
