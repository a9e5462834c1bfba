package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

func init() {
	register("bereken", command{summary: "bereken een wettelijke termijn (agenda, ov-verzoek, opschorting, beroep, nietigheid)",
		usage: "bereken REGEL DATUM [--json] [--regelset wor|wms|wmcz] | bereken --regels [--json]", run: runBereken})
	register("termijnen", command{summary: "toon alle termijnen die eraan komen of net verlopen zijn",
		usage: "termijnen [--json] [--tot DATUM]", run: runTermijnen})
	register("dossiers", command{summary: "toon de dossiers met hun volgende termijn",
		usage: "dossiers [--open] [--json]", run: runDossiers})
}

func runBereken(c *cli, args []string) int {
	fs := newFlags("bereken")
	asJSON := fs.Bool("json", false, "")
	list := fs.Bool("regels", false, "")
	setFlag := fs.String("regelset", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if err := c.setup(); err != nil {
		return c.fail(err)
	}
	set, cal, err := c.termContext(*setFlag)
	if err != nil {
		return c.fail(err)
	}
	if *list {
		if len(pos) > 0 {
			return c.fail(usagef("bereken --regels verwacht geen argumenten"))
		}
		return c.printRules(set, *asJSON)
	}
	if len(pos) != 2 {
		return c.fail(usagef("gebruik: werkbank bereken REGEL DATUM (REGEL is een van %s; zie werkbank bereken --regels)", ruleCodes()))
	}
	start, err := model.ParseDate(pos[1])
	if err != nil {
		return c.fail(usagef("DATUM: %v", err))
	}
	dl, err := termijn.Calc(set, pos[0], start, cal)
	var unknown *termijn.UnknownRuleError
	if errors.As(err, &unknown) && !slices.Contains(ruleCodeList(), pos[0]) {
		return c.fail(usagef("onbekende regel %q: kies %s", pos[0], ruleCodes()))
	}
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		return c.printJSON(dl)
	}
	backward := false
	if r, err := termijn.Lookup(set, dl.Rule); err == nil {
		backward = r.Direction == termijn.Backward
	}
	from := "vanaf:"
	if backward {
		from = "terug vanaf:"
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%s)\n", dl.Title, dl.Article)
	fmt.Fprintf(tw, "%s\t%s\t%s\n", from, dl.Start.Short(), dl.StartEvent)
	raw := dl.RawEnd.Short()
	if dl.Moved {
		raw += "\t(" + rawNote(dl) + ")"
	}
	fmt.Fprintf(tw, "einde (ruw):\t%s\n", raw)
	end := dl.End.Short()
	if dl.Moved {
		end += "\t(Algemene termijnenwet)"
	} else if backward {
		end += "\t(terugrekenen: nooit verschoven)"
	}
	fmt.Fprintf(tw, "einde:\t%s\n", end)
	fmt.Fprintf(tw, "uitleg:\t%s\n", dl.Explanation)
	if dl.Note != "" {
		fmt.Fprintf(tw, "let op:\t%s\n", dl.Note)
	}
	tw.Flush()
	return exitOK
}

// rawNote is the part of a deadline's note that says why the raw end moved ("valt op een zondag").
func rawNote(dl termijn.Deadline) string {
	if dl.Note == "" {
		return "geen werkdag"
	}
	note, _, _ := strings.Cut(dl.Note, "; ")
	return note
}

func ruleCodeList() []string {
	var out []string
	for _, r := range termijn.Rules(termijn.WOR) {
		out = append(out, r.Code)
	}
	return out
}

func ruleCodes() string {
	return strings.Join(ruleCodeList(), ", ")
}

// termContext is the rule set and holiday calendar a calculation uses: those of the database when there
// is one (its active body's rule set, its equated days), else the WOR and the Atw holidays alone. The
// calculator never creates a database.
func (c *cli) termContext(setFlag string) (termijn.RuleSet, termijn.Calendar, error) {
	set := termijn.WOR
	if setFlag != "" {
		s, err := termijn.ParseRuleSet(setFlag)
		if err != nil {
			return "", termijn.Calendar{}, usagef("--regelset: %v", err)
		}
		set = s
	}
	if _, err := os.Stat(c.paths.DB); err != nil {
		return set, termijn.Calendar{}, nil
	}
	s, err := c.open()
	if err != nil {
		return "", termijn.Calendar{}, err
	}
	defer s.Close()
	cal, err := s.Calendar(bg())
	if err != nil {
		return "", cal, err
	}
	if setFlag == "" {
		if b, err := s.ActiveBody(bg()); err == nil {
			set = termijn.RuleSet(b.RuleSet)
		}
	}
	return set, cal, nil
}

func (c *cli) printRules(set termijn.RuleSet, asJSON bool) int {
	rules := termijn.Rules(set)
	if rules == nil {
		rules = []termijn.Rule{}
	}
	if asJSON {
		return c.printJSON(rules)
	}
	if len(rules) == 0 {
		fmt.Fprintf(c.stdout, "geen wettelijke termijnen bekend onder %s\n", set)
		return exitOK
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "regel\tartikel\ttermijn\tDATUM is")
	for _, r := range rules {
		term := amount(r.Amount, r.Unit) + " na"
		if r.Direction == termijn.Backward {
			term = amount(r.Amount, r.Unit) + " vóór"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Code, r.Article, term, r.StartEvent)
	}
	tw.Flush()
	return exitOK
}

// amount writes a term in Dutch with the right number: "1 maand", "2 weken".
func amount(n int, u termijn.Unit) string {
	if n != 1 {
		return fmt.Sprintf("%d %s", n, u)
	}
	switch u {
	case termijn.Months:
		return "1 maand"
	case termijn.Weeks:
		return "1 week"
	}
	return "1 dag"
}

func runTermijnen(c *cli, args []string) int {
	fs := newFlags("termijnen")
	asJSON := fs.Bool("json", false, "")
	until := fs.String("tot", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("termijnen verwacht geen argumenten, alleen opties"))
	}
	var tot model.Date
	if *until != "" {
		if tot, err = model.ParseDate(*until); err != nil {
			return c.fail(usagef("--tot: %v", err))
		}
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	today := s.Today()
	ov, err := s.Termijnen(bg(), 0, today)
	if err != nil {
		return c.fail(err)
	}
	items := []dossier.Due{}
	for _, it := range ov.Items {
		if tot.IsZero() || !it.Deadline.End.After(tot) {
			items = append(items, it)
		}
	}
	if *asJSON {
		return c.printJSON(items)
	}
	if len(items) == 0 {
		fmt.Fprintln(c.stdout, "geen termijnen")
		return exitOK
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	for _, it := range items {
		where := it.Subject
		if it.DossierID != 0 {
			where += fmt.Sprintf(" (dossier %d)", it.DossierID)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s · %s\t%s\t%s\n", it.Remaining, it.Deadline.End.Short(), it.Deadline.Title, where,
			it.Deadline.Article, it.Body)
	}
	tw.Flush()
	return exitOK
}

// dossierRow is a dossier as `werkbank dossiers --json` prints it.
type dossierRow struct {
	ID           int64               `json:"id"`
	BodyID       int64               `json:"body_id"`
	Body         string              `json:"body"`
	Kind         termijn.DossierKind `json:"kind"`
	Title        string              `json:"title"`
	Status       dossier.Status      `json:"status"`
	Owner        string              `json:"owner"`
	StartedOn    model.Date          `json:"started_on"`
	Phase        string              `json:"phase"`
	NextDeadline *termijn.Deadline   `json:"next_deadline"`
	Remaining    string              `json:"remaining"`
}

func runDossiers(c *cli, args []string) int {
	fs := newFlags("dossiers")
	asJSON := fs.Bool("json", false, "")
	open := fs.Bool("open", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("dossiers verwacht geen argumenten, alleen opties"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	f := dossier.Filter{}
	if *open {
		f.Status = dossier.StatusOpen
	}
	ds, err := s.Dossiers(bg(), f)
	if err != nil {
		return c.fail(err)
	}
	bodies, err := s.Bodies(bg())
	if err != nil {
		return c.fail(err)
	}
	cal, err := s.Calendar(bg())
	if err != nil {
		return c.fail(err)
	}
	today := s.Today()
	rows := []dossierRow{}
	for _, d := range ds {
		r := dossierRow{ID: d.ID, BodyID: d.BodyID, Kind: d.Kind, Title: d.Title, Status: d.Status, Owner: d.Owner,
			StartedOn: d.StartedOn, Phase: d.Phase()}
		for _, b := range bodies {
			if b.ID == d.BodyID {
				r.Body = b.Name
				if t, ok := dossier.Next(dossier.Terms(d, termijn.RuleSet(b.RuleSet), cal), today); ok {
					r.NextDeadline, r.Remaining = &t.Deadline, dossier.Remaining(today, t.End)
				}
			}
		}
		rows = append(rows, r)
	}
	if *asJSON {
		return c.printJSON(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(c.stdout, "geen dossiers")
		return exitOK
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tsoort\ttitel\tstatus\tvolgende termijn")
	for _, r := range rows {
		next := "-"
		if r.NextDeadline != nil {
			next = fmt.Sprintf("%s (%s) %s, %s", r.NextDeadline.End.Short(), r.Remaining, r.NextDeadline.Title,
				r.NextDeadline.Article)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Kind, r.Title, r.Status, next)
	}
	tw.Flush()
	return exitOK
}
