package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
)

func init() {
	register("demo", command{summary: "vul een lege database met een voorbeeld-OR", usage: "demo [--seed N] [--vandaag JJJJ-MM-DD] [--documenten N] [--schaal groot] [--json]\n\n" +
		"Vult een lege database met een voorbeeld-OR, met een archief van echte bestanden en N gegenereerde\n" +
		"stukken (standaard 300). Op een database met gegevens voegt --documenten N alleen N stukken toe\n" +
		"aan het actieve orgaan: een groter archief om zoeken mee te proberen.\n" +
		"--schaal groot vult tien jaar van een grote OR: 100.000 stukken, 1.000 vergaderingen, 20.000 acties,\n" +
		"3.000 besluiten, 300 dossiers en 2.000 brieven (enkele minuten); de bouwtijd wordt gemeld.", run: runDemo})
}

func runDemo(c *cli, args []string) int {
	fs := newFlags("demo")
	seed := fs.Uint64("seed", 1, "")
	today := fs.String("vandaag", "", "")
	asJSON := fs.Bool("json", false, "")
	docs := fs.Int("documenten", demo.DefaultDocuments, "")
	scale := fs.String("schaal", "", "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("demo verwacht geen argumenten, alleen opties"))
	}
	if *docs < 0 {
		return c.fail(usagef("--documenten verwacht een aantal van 0 of meer"))
	}
	opt := demo.Options{Seed: *seed, Documents: *docs}
	if *docs == 0 {
		opt.Documents = -1 // none: Options reads 0 as the default
	}
	docsGiven := false
	fs.Visit(func(f *flag.Flag) { docsGiven = docsGiven || f.Name == "documenten" })
	if *today != "" {
		d, err := model.ParseDate(*today)
		if err != nil {
			return c.fail(usagef("--vandaag: %v", err))
		}
		opt.Today = d
	}
	if *scale != "" && *scale != "groot" {
		return c.fail(usagef("--schaal kent alleen groot"))
	}
	if *scale != "" && docsGiven {
		return c.fail(usagef("--schaal groot en --documenten gaan niet samen"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	if *scale == "groot" {
		return c.fillLarge(s, opt, *asJSON)
	}
	sum, err := demo.Fill(bg(), s, opt)
	if errors.Is(err, model.ErrNotEmpty) && docsGiven {
		return c.addDocuments(s, opt, *docs, *asJSON)
	}
	if errors.Is(err, model.ErrNotEmpty) {
		return c.fail(fmt.Errorf("%s bevat al gegevens; de demo vult alleen een lege database (kies een ander pad met --db)", s.Path()))
	}
	if err != nil {
		return c.fail(err)
	}
	c.log.Info("demo filled", "seed", *seed, "meetings", sum.Meetings)
	if *asJSON {
		return c.printJSON(sum)
	}
	fmt.Fprintf(c.stdout, "demo geladen in %s: %d organen, %d leden, %d vergaderingen, %d agendapunten (%d onder geheimhouding), %d documenten\n",
		s.Path(), sum.Bodies, sum.Members, sum.Meetings, sum.AgendaItems, sum.Impositions, sum.Documents)
	return exitOK
}

// addDocuments adds generated documents to a database that holds data already.
func (c *cli) addDocuments(s *store.Store, opt demo.Options, n int, asJSON bool) int {
	sum, err := demo.AddDocuments(bg(), s, opt, n)
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		return c.printJSON(sum)
	}
	fmt.Fprintf(c.stdout, "%d gegenereerde documenten toegevoegd aan het archief in %s\n", sum.Documents, s.Path())
	return exitOK
}

// fillLarge fills ten years of a large council and reports how long that took.
func (c *cli) fillLarge(s *store.Store, opt demo.Options, asJSON bool) int {
	start := time.Now()
	sum, err := demo.FillScale(bg(), s, opt, demo.Large)
	if errors.Is(err, model.ErrNotEmpty) {
		return c.fail(fmt.Errorf("%s bevat al gegevens; de demo vult alleen een lege database (kies een ander pad met --db)", s.Path()))
	}
	if err != nil {
		return c.fail(err)
	}
	took := time.Since(start).Round(time.Second)
	c.log.Info("large demo filled", "seed", opt.Seed, "took", took)
	if asJSON {
		return c.printJSON(struct {
			demo.Summary
			Seconds float64 `json:"seconds"`
		}{sum, time.Since(start).Seconds()})
	}
	fmt.Fprintf(c.stdout, "grote demo geladen in %s in %s: %d vergaderingen, %d agendapunten, %d documenten, %d acties, %d besluiten, %d dossiers, %d brieven\n",
		s.Path(), took, sum.Meetings, sum.AgendaItems, sum.Documents, sum.Actions, sum.Decisions, sum.Dossiers, sum.Letters)
	return exitOK
}
