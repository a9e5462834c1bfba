package main

import (
	"errors"
	"fmt"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/store/demo"
)

func init() {
	register("demo", command{summary: "vul een lege database met een voorbeeld-OR", usage: "demo [--seed N] [--vandaag JJJJ-MM-DD] [--json]", run: runDemo})
}

func runDemo(c *cli, args []string) int {
	fs := newFlags("demo")
	seed := fs.Uint64("seed", 1, "")
	today := fs.String("vandaag", "", "")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("demo verwacht geen argumenten, alleen opties"))
	}
	opt := demo.Options{Seed: *seed}
	if *today != "" {
		d, err := model.ParseDate(*today)
		if err != nil {
			return c.fail(usagef("--vandaag: %v", err))
		}
		opt.Today = d
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	sum, err := demo.Fill(bg(), s, opt)
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
	fmt.Fprintf(c.stdout, "demo geladen in %s: %d organen, %d leden, %d vergaderingen, %d agendapunten (%d onder geheimhouding)\n",
		s.Path(), sum.Bodies, sum.Members, sum.Meetings, sum.AgendaItems, sum.Impositions)
	return exitOK
}
