package main

import (
	"fmt"
	"runtime/debug"

	"github.com/werkbank-nl/werkbank/store"
)

// Set by the release build: -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
var (
	version = ""
	commit  = ""
	date    = ""
)

type versionInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	Schema  int    `json:"schema"`
}

func buildVersion() versionInfo {
	v := versionInfo{Version: version, Commit: commit, Date: date, Schema: store.SchemaVersion()}
	if info, ok := debug.ReadBuildInfo(); ok {
		if v.Version == "" && info.Main.Version != "" {
			v.Version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if v.Commit == "" {
					v.Commit = s.Value
				}
			case "vcs.time":
				if v.Date == "" {
					v.Date = s.Value
				}
			}
		}
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	return v
}

func init() {
	register("version", command{summary: "toon versie, commit en bouwdatum", usage: "version [--json]", run: func(c *cli, args []string) int {
		fs := newFlags("version")
		asJSON := fs.Bool("json", false, "")
		if _, err := parseFlags(fs, args); err != nil {
			return c.fail(err)
		}
		v := buildVersion()
		if *asJSON {
			return c.printJSON(v)
		}
		fmt.Fprintf(c.stdout, "werkbank %s\ncommit %s\ngebouwd %s\nschemaversie %d\n", v.Version, orDash(v.Commit), orDash(v.Date), v.Schema)
		return exitOK
	}})
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
