package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// The command line's dates (bereken REGEL DATUM, termijnen --tot, demo --vandaag) take whatever is typed.
// A date that exists is used, anything else is a usage error (exit 2) naming the argument; never a panic
// and never another exit code. The database path cannot be opened, so a good date ends in a plain error
// (exit 1) before anything is written.

func FuzzDateArgs(f *testing.F) {
	for _, s := range []string{"2025-11-25", "25-11-2025", "31-02-2025", "2025-02-29", "29-02-2024", "25:00", "",
		"-1", "--", "2025-+1-05", "\x00", "2025-11-25 extra", "١٢-١١-٢٠٢٥", strings.Repeat("9", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, perr := model.ParseDate(s)
		for _, tc := range []struct {
			args []string
			name string // how the message names the date
		}{
			{[]string{"--db", "/dev/null/x.db", "bereken", "beroep", "--", s}, "DATUM"},
			{[]string{"--db", "/dev/null/x.db", "termijnen", "--tot=" + s}, "--tot"},
			{[]string{"--db", "/dev/null/x.db", "demo", "--vandaag=" + s}, "--vandaag"},
		} {
			var out, errb bytes.Buffer
			code := run(tc.args, env2(&out, &errb, map[string]string{"HOME": t.TempDir()}))
			switch {
			case tc.name != "DATUM" && s == "":
				// an empty --tot or --vandaag is no date given
			case perr != nil && (code != 2 || !strings.Contains(errb.String(), tc.name)):
				t.Fatalf("%q: %s %q gave exit %d: %s", s, tc.args[2], s, code, errb.String())
			case perr == nil && tc.name == "DATUM" && code != 0:
				t.Fatalf("%q: bereken gave exit %d: %s", s, code, errb.String())
			case perr == nil && tc.name != "DATUM" && code != 1:
				t.Fatalf("%q: %s gave exit %d: %s", s, tc.args[2], code, errb.String())
			}
		}
	})
}
