package main

import (
	"fmt"
	"sort"
	"strings"
)

// exportKind is one kind of thing "werkbank export" can write; each feature registers its own in its own
// file (exportKinds["agenda"] = ...), so this dispatcher never has to change.
type exportKind struct {
	summary string
	usage   string
	run     func(c *cli, args []string) int
}

var exportKinds = map[string]exportKind{}

func init() {
	register("export", command{summary: "schrijf een agenda, lijst of brief naar een bestand",
		usage: "export SOORT ... (werkbank export zonder soort toont de soorten)", run: runExport})
}

func runExport(c *cli, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return c.fail(usagef("zet de soort direct na export; soorten:\n%s", exportUsage()))
	}
	k, ok := exportKinds[args[0]]
	if !ok {
		return c.fail(usagef("onbekende soort %q voor export; soorten:\n%s", args[0], exportUsage()))
	}
	return k.run(c, args[1:])
}

func exportUsage() string {
	names := make([]string, 0, len(exportKinds))
	for n := range exportKinds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  werkbank %s\n      %s\n", exportKinds[n].usage, exportKinds[n].summary)
	}
	return strings.TrimRight(b.String(), "\n")
}
