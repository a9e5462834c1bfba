package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/inzicht"
	"github.com/werkbank-nl/werkbank/model/termijn"
	"github.com/werkbank-nl/werkbank/store/export"
)

// Jaarverslag section headings, in order; the ones the AS writes hold a "[nog invullen: …]" line.
const (
	JaarIntro       = "Inleiding"
	JaarComposition = "Samenstelling"
	JaarMeetings    = "Vergaderingen en overleg met de bestuurder"
	JaarMatters     = "Advies- en instemmingsaanvragen"
	JaarInitiatives = "Initiatieven en informatieverzoeken"
	JaarWork        = "Werkwijze in cijfers"
	JaarTraining    = "Scholing (art 18 WOR)"
	JaarSecrecy     = "Geheimhouding (art 20 WOR)"
	JaarAchterban   = "Contact met de achterban"
	JaarOutlook     = "Vooruitblik"
)

// ExportJaarverslag writes the jaarverslag of body for year as a file (md, txt, docx or pdf).
func (s *Store) ExportJaarverslag(ctx context.Context, bodyID int64, year int, format, path string) error {
	f, err := export.ParseFormat(format)
	if err != nil {
		return model.Invalid("format", err.Error())
	}
	today := s.Today()
	a, err := s.Jaarverslag(ctx, bodyID, year, today)
	if err != nil {
		return err
	}
	return export.Write(path, f, JaarverslagDoc(a, today))
}

func jvTodo(what string) export.Paragraph {
	return export.Paragraph{Text: "[nog invullen: " + what + "]"}
}

func jvDate(d model.Date, none string) string {
	if d.IsZero() {
		return none
	}
	return d.Long()
}

// JaarverslagDoc drafts the report from the annual content: facts the data holds, and headed sections
// the AS completes. a holds no withheld rows (inzicht.BuildAnnual), and no imposition's subject is read.
func JaarverslagDoc(a inzicht.Annual, today model.Date) export.Doc {
	f := a.Figures
	y := a.Year
	d := export.Doc{Title: fmt.Sprintf("Jaarverslag %d", y), Subtitle: a.Body.Name, Author: a.Body.Name}
	add := func(bs ...export.Block) { d.Blocks = append(d.Blocks, bs...) }
	h := func(t string) { add(export.Heading{Level: 1, Text: t}) }
	p := func(format string, args ...any) { add(export.Paragraph{Text: fmt.Sprintf(format, args...)}) }

	add(export.Paragraph{Text: fmt.Sprintf("Concept, opgesteld op %s uit de gegevens van werkbank. Openbaar te maken "+
		"volgens art 14 lid 2 sub h WOR; het reglement noemt vaak een termijn van drie maanden na afloop van het jaar.", today.Long())})
	h(JaarIntro)
	add(jvTodo("woord vooraf van de voorzitter en de belangrijkste onderwerpen van het jaar"))

	h(JaarComposition)
	p("In %d bestond de %s uit %s.", y, a.Body.Kind.Label(), jvCount(len(a.Members), "lid", "leden"))
	rows := [][]string{}
	for _, m := range a.Members {
		rows = append(rows, []string{jvName(m.Name), string(m.Role), jvTerm(m.Member)})
	}
	if len(rows) > 0 {
		add(export.Table{Header: []string{"Naam", "Rol", "Zittingstermijn"}, Rows: rows, Widths: []float64{3, 2, 3}})
	}
	changes := []string{}
	for _, m := range a.Joined {
		changes = append(changes, fmt.Sprintf("%s is toegetreden op %s", jvName(m.Name), m.TermStart.Long()))
	}
	for _, m := range a.Left {
		changes = append(changes, fmt.Sprintf("%s is afgetreden op %s", jvName(m.Name), m.TermEnd.Long()))
	}
	if len(changes) == 0 {
		p("Wijzigingen in de samenstelling: geen.")
	} else {
		p("Wijzigingen in de samenstelling:")
		add(export.List{Items: changes})
	}

	jvMeetings(a, add, h, p)
	jvMatterSections(a, add, h, p)

	h(JaarWork)
	ac := f.Actions
	ag := f.Agendas
	add(export.List{Items: []string{
		fmt.Sprintf("Agenda's op tijd verstuurd (art 14 lid 2 sub g WOR): %d van %d; te laat: %d (mediaan %s, hoogstens %s); spoedeisend: %d.",
			ag.OnTime, ag.Meetings, ag.Late, jvCount(ag.MedianDaysLate, "dag", "dagen"), jvCount(ag.MaxDaysLate, "dag", "dagen"), ag.Urgent),
		fmt.Sprintf("Actiepunten: %d nieuw, %d afgerond, %d vervallen; op %s %d open, waarvan %d over de datum.",
			ac.Opened, ac.Done, ac.Cancelled, f.AsOf.Long(), ac.Open, ac.Overdue),
		fmt.Sprintf("Doorlooptijd van een actiepunt tot gereed: mediaan %s.", jvCount(ac.MedianDaysToClose, "dag", "dagen")),
		fmt.Sprintf("Verzonden brieven: %d.", f.Letters.Sent),
	}})

	h(JaarTraining)
	tr := f.Training
	p("Art 18 WOR geeft ieder lid recht op scholing in werktijd: ten minste %d dagen per jaar voor een OR-lid, %d voor een "+
		"OR-lid dat ook in een commissie zit en %d voor een commissielid dat geen OR-lid is.", inzicht.MinOR, inzicht.MinORCommission, inzicht.MinCommission)
	rows = [][]string{}
	for _, m := range tr.Members {
		rows = append(rows, []string{jvName(m.Name), jvDays(m.Days), fmt.Sprint(m.Minimum)})
	}
	if len(rows) > 0 {
		add(export.Table{Header: []string{"Lid", "Dagen gebruikt", "Minimum art 18"}, Rows: rows, Widths: []float64{4, 2, 2}})
	}
	p("Samen %s scholingsdagen gebruikt tegenover een minimum van %d; %s bleef onder het minimum.", jvDays(tr.Days), tr.Minimum,
		jvCount(tr.Below, "lid", "leden"))

	h(JaarSecrecy)
	sc := f.Secrecy
	p("In %d is %s geheimhouding opgelegd (art 20 WOR). Afgelopen in %d: %d; daarvan nog niet opnieuw beoordeeld "+
		"en vrijgegeven: %d. Wat onder geheimhouding valt, staat niet in dit verslag.", y, jvCount(sc.Imposed, "keer", "keer"),
		y, sc.Expired, sc.ExpiredUnreviewed)

	h(JaarAchterban)
	add(jvTodo("achterbanbijeenkomsten, nieuwsbrieven en andere contacten met de medewerkers"))
	h(JaarOutlook)
	add(jvTodo(fmt.Sprintf("speerpunten en plannen voor %d", y+1)))
	return d
}

func jvMeetings(a inzicht.Annual, add func(...export.Block), h func(string), p func(string, ...any)) {
	f := a.Figures
	h(JaarMeetings)
	items := []string{}
	for _, k := range f.Meetings.Kinds {
		if k.Held > 0 {
			items = append(items, fmt.Sprintf("%s: %d", k.Label, k.Held))
		}
	}
	p("In %d zijn %s gehouden.", a.Year, jvCount(f.Meetings.Held, "vergadering", "vergaderingen"))
	if len(items) > 0 {
		add(export.List{Items: items})
	}
	for _, r := range f.Meetings.Art24 {
		if r.BodyID == a.Body.ID {
			p("Algemene gang van zaken (art 24 WOR): %d van de vereiste %d overlegvergaderingen gehouden.", r.Held, r.Required)
		}
	}
	rows := [][]string{}
	for _, m := range a.Meetings {
		mark := ""
		if m.Art24 {
			mark = "art 24"
		}
		rows = append(rows, []string{m.Date.Long(), m.Kind.Label(), mark})
	}
	if len(rows) > 0 {
		add(export.Table{Header: []string{"Datum", "Vergadering", ""}, Rows: rows, Widths: []float64{3, 4, 1}})
	}
	add(jvTodo("de belangrijkste onderwerpen van het overleg met de bestuurder"))
}

func jvMatterSections(a inzicht.Annual, add func(...export.Block), h func(string), p func(string, ...any)) {
	h(JaarMatters)
	for _, k := range a.Figures.Dossiers {
		if k.Kind != termijn.Adviesaanvraag && k.Kind != termijn.Instemmingsverzoek {
			continue
		}
		outs := []string{}
		for _, o := range k.Outcomes {
			outs = append(outs, fmt.Sprintf("%s %d", o.Outcome, o.Count))
		}
		line := fmt.Sprintf("%s (%s): %d ontvangen, %d beantwoord (%s)", k.Label, k.Article, k.Opened, k.Answered, strings.Join(outs, ", "))
		if k.Answered > 0 {
			line += fmt.Sprintf("; doorlooptijd mediaan %s", jvCount(k.MedianDays, "dag", "dagen"))
		}
		if k.Kind == termijn.Adviesaanvraag {
			line += fmt.Sprintf("; %d besluiten, waarvan %d afwijkend van het advies", k.Decisions, k.Deviating)
		}
		p("%s.", line)
	}
	add(jvMatters(a.Matters, "Ontvangen"))
	h(JaarInitiatives)
	p("%s en %s.", jvCount(jvCountKind(a.Initiatives, termijn.Initiatiefvoorstel), "initiatiefvoorstel", "initiatiefvoorstellen"),
		jvCount(jvCountKind(a.Initiatives, termijn.Informatieverzoek), "informatieverzoek", "informatieverzoeken"))
	add(jvMatters(a.Initiatives, "Verzonden"))
}

func jvCountKind(ms []inzicht.Matter, k termijn.DossierKind) int {
	n := 0
	for _, m := range ms {
		if m.Kind == k {
			n++
		}
	}
	return n
}

func jvMatters(ms []inzicht.Matter, startLabel string) export.Block {
	if len(ms) == 0 {
		return export.Paragraph{Text: "Geen."}
	}
	rows := [][]string{}
	for _, m := range ms {
		answer := jvDate(m.Answered, "nog niet")
		if m.Outcome != "" {
			answer += " (" + m.Outcome + ")"
		}
		decided := ""
		if !m.Decided.IsZero() {
			decided = m.Decided.Long()
			if m.Deviating {
				decided += " (afwijkend)"
			}
		}
		rows = append(rows, []string{m.Title, string(m.Kind), jvDate(m.Started, "-"), answer, decided})
	}
	return export.Table{Header: []string{"Onderwerp", "Soort", startLabel, "Beantwoord", "Besluit"}, Rows: rows,
		Widths: []float64{4, 3, 2.5, 3, 3}}
}

func jvTerm(m model.Member) string {
	switch {
	case m.TermStart.IsZero() && m.TermEnd.IsZero():
		return "-"
	case m.TermEnd.IsZero():
		return "vanaf " + m.TermStart.Long()
	case m.TermStart.IsZero():
		return "tot " + m.TermEnd.Long()
	}
	return m.TermStart.Long() + " – " + m.TermEnd.Long()
}

func jvDays(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}

func jvCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
