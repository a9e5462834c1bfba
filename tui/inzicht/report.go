package inzicht

import (
	"fmt"
	"strings"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/tui/common"
	"github.com/werkbank-nl/werkbank/tui/styles"
)

// labelWidth is the width of the label column before a bar; the dossier table, with more columns,
// has a narrower one.
const (
	labelWidth   = 24
	dossierLabel = 19
)

// Report draws the figures as lines of at most width cells: tables, and bar charts with the number
// beside every bar, so they read without colour. `werkbank inzicht` prints the same lines with the
// zero Styles (plain text).
func Report(f inzicht.Figures, s styles.Styles, width int) []string {
	r := &report{s: s, width: width, barMax: max(width-labelWidth-45, 10)}
	r.agendas(f)
	r.meetings(f)
	if len(f.Quarters) > 0 {
		r.quarters(f)
	}
	r.actions(f)
	r.dossiers(f)
	r.letters(f)
	r.secrecy(f)
	r.training(f)
	return r.lines
}

type report struct {
	s      styles.Styles
	width  int
	barMax int
	lines  []string
}

func (r *report) add(format string, args ...any) {
	r.lines = append(r.lines, common.Cut(fmt.Sprintf(format, args...), r.width))
}

func (r *report) heading(title, note string) {
	if len(r.lines) > 0 {
		r.lines = append(r.lines, "")
	}
	line := " " + r.s.Heading.Render(title)
	if note != "" {
		line += "  " + r.s.Muted.Render(note)
	}
	r.lines = append(r.lines, common.Cut(line, r.width))
}

// bar is one labelled bar: "   te laat                ████  2  note". The longest bar of a chart is
// barMax cells wide; any count above zero gets at least one cell.
func (r *report) bar(label string, n, most int, note string) {
	w := 0
	if n > 0 && most > 0 {
		w = max(n*r.barMax/most, 1)
	}
	line := "   " + common.Pad(label, labelWidth) + strings.Repeat("█", w) + " " + fmt.Sprint(n)
	if note != "" {
		line += "  " + r.s.Muted.Render(note)
	}
	r.add("%s", line)
}

func most(ns ...int) int {
	m := 0
	for _, n := range ns {
		m = max(m, n)
	}
	return m
}

func days(n int) string {
	if n == 1 {
		return "1 dag"
	}
	return fmt.Sprintf("%d dagen", n)
}

func (r *report) agendas(f inzicht.Figures) {
	a := f.Agendas
	r.heading("Agenda's", fmt.Sprintf("art 14 lid 2 sub g WOR · %d vergaderingen met een agendatermijn", a.Meetings))
	if a.Meetings == 0 {
		r.add("   %s", r.s.Muted.Render("Geen vergaderingen met een agendatermijn in deze periode."))
		return
	}
	m := most(a.OnTime, a.Late, a.Urgent, a.Unknown, a.Pending)
	r.bar("op tijd verstuurd", a.OnTime, m, "")
	late := ""
	if a.Late > 0 {
		late = fmt.Sprintf("mediaan %s te laat, hoogstens %s", days(a.MedianDaysLate), days(a.MaxDaysLate))
	}
	r.bar("te laat verstuurd", a.Late, m, late)
	r.bar("spoedeisend", a.Urgent, m, "later verstuurd, maar spoedeisend")
	r.bar("verzending onbekend", a.Unknown, m, "")
	pending := ""
	if a.Overdue > 0 {
		pending = fmt.Sprintf("waarvan %d over de datum", a.Overdue)
	}
	r.bar("nog te versturen", a.Pending, m, pending)
}

func (r *report) meetings(f inzicht.Figures) {
	mt := f.Meetings
	r.heading("Vergaderingen", fmt.Sprintf("%d gehouden · %d gepland · %d geannuleerd", mt.Held, mt.Planned, mt.Cancelled))
	m := 0
	for _, k := range mt.Kinds {
		m = max(m, k.Held)
	}
	for _, k := range mt.Kinds {
		note := ""
		if k.Planned > 0 {
			note = fmt.Sprintf("+%d gepland", k.Planned)
		}
		r.bar(k.Label, k.Held, m, note)
	}
	for _, a := range mt.Art24 {
		mark := "✓"
		if a.Held < a.Required {
			mark = "✗ nog " + fmt.Sprint(a.Required-a.Held)
		}
		line := fmt.Sprintf("   Art 24 (algemene gang van zaken) %d: %d van %d gehouden %s", a.Year, a.Held, a.Required, mark)
		if a.Planned > 0 {
			line += fmt.Sprintf(", %d gepland", a.Planned)
		}
		if f.BodyID == 0 {
			line += " · " + a.Body
		}
		r.add("%s", line)
	}
}

func (r *report) quarters(f inzicht.Figures) {
	r.heading("Per kwartaal", "")
	r.add("   %s%8s%8s%8s%8s", common.Pad("", labelWidth), "K1", "K2", "K3", "K4")
	row := func(label string, get func(inzicht.QuarterFigures) int) {
		line := "   " + common.Pad(label, labelWidth)
		for _, q := range f.Quarters {
			line += fmt.Sprintf("%8d", get(q))
		}
		r.add("%s", line)
	}
	row("vergaderingen gehouden", func(q inzicht.QuarterFigures) int { return q.Meetings })
	row("agenda's op tijd", func(q inzicht.QuarterFigures) int { return q.AgendasOnTime })
	row("agenda's te laat", func(q inzicht.QuarterFigures) int { return q.AgendasLate })
	row("acties nieuw", func(q inzicht.QuarterFigures) int { return q.ActionsOpened })
	row("acties afgesloten", func(q inzicht.QuarterFigures) int { return q.ActionsClosed })
	row("dossiers gestart", func(q inzicht.QuarterFigures) int { return q.DossiersOpened })
	row("brieven verzonden", func(q inzicht.QuarterFigures) int { return q.LettersSent })
}

func (r *report) actions(f inzicht.Figures) {
	a := f.Actions
	r.heading("Acties", "stand op "+f.AsOf.Short())
	m := most(a.Opened, a.Closed, a.Open, a.Overdue)
	r.bar("nieuw", a.Opened, m, "")
	r.bar("afgesloten", a.Closed, m, fmt.Sprintf("%d gereed, %d vervallen", a.Done, a.Cancelled))
	r.bar("open", a.Open, m, "")
	r.bar("te laat", a.Overdue, m, "open en over de datum")
	if a.Done > 0 {
		r.add("   tot gereed: mediaan %s, hoogstens %s", days(a.MedianDaysToClose), days(a.MaxDaysToClose))
	}
	for i, p := range a.MostPostponed {
		if i == 0 {
			r.add("   %s", r.s.Label.Render("vaakst uitgesteld"))
		}
		desc := p.Description
		if p.Confidential {
			desc = "[V] vertrouwelijk"
		}
		r.add("     %-6s %dx  %s · %s", p.Number, p.Postponed, desc, p.Owner)
	}
	if len(a.Owners) == 0 {
		return
	}
	r.add("   %s%8s%12s%8s%10s", common.Pad(r.s.Label.Render("per eigenaar"), labelWidth), "nieuw", "afgesloten", "open", "te laat")
	for _, o := range a.Owners {
		r.add("   %s%8d%12d%8d%10d", common.Pad(o.Owner, labelWidth), o.Opened, o.Closed, o.Open, o.Overdue)
	}
}

func (r *report) dossiers(f inzicht.Figures) {
	r.heading("Dossiers", "dagen van verzoek tot advies of instemming; eigen voorstel tot antwoord")
	r.add("   %s%8s%6s%11s%8s%7s%10s  %s", common.Pad("", dossierLabel), "gestart", "klaar", "beantwoord", "mediaan", "hoogst", "afwijkend", "uitkomst")
	for _, d := range f.Dossiers {
		outs := []string{}
		for _, o := range d.Outcomes {
			if o.Count > 0 {
				outs = append(outs, fmt.Sprintf("%s %d", o.Outcome, o.Count))
			}
		}
		med, hi := "-", "-"
		if d.Answered > 0 {
			med, hi = fmt.Sprint(d.MedianDays), fmt.Sprint(d.MaxDays)
		}
		dev := "-"
		if d.Decisions > 0 {
			dev = fmt.Sprintf("%d van %d", d.Deviating, d.Decisions)
		}
		r.add("   %s%8d%6d%11d%8s%7s%10s  %s", common.Pad(d.Label, dossierLabel), d.Opened, d.Closed, d.Answered, med, hi, dev, strings.Join(outs, " · "))
	}
}

func (r *report) letters(f inzicht.Figures) {
	l := f.Letters
	r.heading("Brieven", fmt.Sprintf("%d verzonden", l.Sent))
	m := 0
	for _, mc := range l.Months {
		m = max(m, mc.Count)
	}
	for _, mc := range l.Months {
		r.bar(model.MonthName(time.Month(mc.Month)), mc.Count, m, "")
	}
	m = 0
	for _, t := range l.Templates {
		m = max(m, t.Count)
	}
	if len(l.Templates) > 0 {
		r.add("   %s", r.s.Label.Render("per sjabloon"))
	}
	for _, t := range l.Templates {
		r.bar(t.Name, t.Count, m, "")
	}
}

func (r *report) secrecy(f inzicht.Figures) {
	g := f.Secrecy
	r.heading("Geheimhouding", "art 20 WOR · alleen aantallen, nooit wat")
	r.add("   %s%d", common.Pad("opgelegd", labelWidth), g.Imposed)
	r.add("   %s%d  %s", common.Pad("afgelopen", labelWidth), g.Expired, r.s.Muted.Render(fmt.Sprintf("waarvan %d zonder herbeoordeling", g.ExpiredUnreviewed)))
	r.add("   %s%d", common.Pad("vrijgegeven", labelWidth), g.Released)
	r.add("   %s%d  %s", common.Pad("van kracht op "+f.AsOf.DayMonth(), labelWidth), g.Active, r.s.Muted.Render(fmt.Sprintf("waarvan %d zonder einddatum", g.WithoutEnd)))
}

func (r *report) training(f inzicht.Figures) {
	t := f.Training
	r.heading("Scholing", fmt.Sprintf("art 18 WOR · %d", t.Year))
	r.add("   %s dagen gebruikt, minimum samen %d; %s onder het minimum", trainingDays(t.Days), t.Minimum, common.Count(t.Below, "lid", "leden"))
	for _, m := range t.Members {
		if m.Days < float64(m.Minimum) {
			r.add("     %s %s van %d dagen", common.Pad(m.Name, labelWidth), trainingDays(m.Days), m.Minimum)
		}
	}
}

func trainingDays(f float64) string {
	return strings.Replace(strings.TrimSuffix(fmt.Sprintf("%.1f", f), ".0"), ".", ",", 1)
}
