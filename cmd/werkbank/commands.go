package main

import (
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/werkbank-nl/werkbank/model"
)

func newFlags(name string) *flag.FlagSet { return flag.NewFlagSet(name, flag.ContinueOnError) }

func init() {
	register("paths", command{summary: "toon waar database, back-ups en log staan", usage: "paths [--json]", run: runPaths})
	register("leden", command{summary: "toon de leden van het actieve orgaan", usage: "leden [--json]", run: runLeden})
}

func runPaths(c *cli, args []string) int {
	fs := newFlags("paths")
	asJSON := fs.Bool("json", false, "")
	if _, err := parseFlags(fs, args); err != nil {
		return c.fail(err)
	}
	if err := c.setup(); err != nil {
		return c.fail(err)
	}
	if *asJSON {
		return c.printJSON(c.paths)
	}
	fmt.Fprintf(c.stdout, "database  %s\nback-ups  %s\nlog       %s\n", c.paths.DB, c.paths.Backups, c.paths.Log)
	return exitOK
}

func runLeden(c *cli, args []string) int {
	fs := newFlags("leden")
	asJSON := fs.Bool("json", false, "")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return c.fail(err)
	}
	if len(pos) > 0 {
		return c.fail(usagef("leden verwacht geen argumenten"))
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	body, err := s.ActiveBody(bg())
	if err != nil {
		if *asJSON {
			return c.printJSON([]model.Member{})
		}
		fmt.Fprintln(c.stderr, "werkbank: nog geen orgaan; begin met 'werkbank' of 'werkbank demo'")
		return exitOK
	}
	members, err := s.Members(bg(), body.ID)
	if err != nil {
		return c.fail(err)
	}
	if *asJSON {
		return c.printJSON(members)
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s (%d leden)\n", body.Name, len(members))
	for _, m := range members {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", m.ID, m.Name, m.Role, term(m), m.Email)
	}
	tw.Flush()
	return exitOK
}

func term(m model.Member) string {
	if m.TermStart.IsZero() && m.TermEnd.IsZero() {
		return "-"
	}
	return m.TermStart.Compact() + " – " + m.TermEnd.Compact()
}
