package inzicht

import (
	"slices"
	"strings"
)

// LetterFigures count the letters sent in the period, per month and per template.
type LetterFigures struct {
	Sent int `json:"sent"`
	// Months has one entry per month of the period, in order, also for months without letters.
	Months    []MonthCount    `json:"months"`
	Templates []TemplateCount `json:"templates"`
}

// MonthCount is one month's letters.
type MonthCount struct {
	Month int `json:"month"`
	Count int `json:"count"`
}

// TemplateCount is one template's letters.
type TemplateCount struct {
	Template string `json:"template"`
	Name     string `json:"name"`
	Count    int    `json:"count"`
}

// StatusSent is the letter status that counts as sent.
const StatusSent = "verzonden"

func letters(ls []Letter, p Period) LetterFigures {
	f := LetterFigures{Months: []MonthCount{}, Templates: []TemplateCount{}}
	first := int(p.From().Month())
	for m := first; m <= int(p.To().Month()); m++ {
		f.Months = append(f.Months, MonthCount{Month: m})
	}
	per := map[string]int{}
	for _, l := range ls {
		if l.Status != StatusSent || !p.Contains(l.SentOn) {
			continue
		}
		f.Sent++
		f.Months[int(l.SentOn.Month())-first].Count++
		i, ok := per[l.Template]
		if !ok {
			name := l.TemplateName
			if name == "" {
				name = l.Template
			}
			f.Templates = append(f.Templates, TemplateCount{Template: l.Template, Name: name})
			i = len(f.Templates) - 1
			per[l.Template] = i
		}
		f.Templates[i].Count++
	}
	slices.SortStableFunc(f.Templates, func(a, b TemplateCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return f
}
