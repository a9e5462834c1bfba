package store

import (
	"database/sql/driver"
	"strings"

	"github.com/werkbank-nl/werkbank/store/search"
	"modernc.org/sqlite"
)

// The SQL functions search needs, on every connection this process opens:
//
//	werkbank_stem(text): search.StemText, for the triggers that keep action_fts and decision_fts in
//	step (migration 0006). A tool without it (the sqlite3 shell) can read the database, and delete
//	actions and decisions, but not insert or change them.
//	werkbank_fold(text): search.Fold, so that dossier: and afzender: ignore case and diacritics.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("werkbank_stem", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		return search.StemText(textArg(args[0])), nil
	})
	sqlite.MustRegisterDeterministicScalarFunction("werkbank_fold", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		return search.Fold(textArg(args[0])), nil
	})
}

func textArg(v driver.Value) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// likeContains is a LIKE pattern that finds s anywhere, with LIKE's own wildcards in s escaped
// (used with ESCAPE '\').
func likeContains(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// foldedLike is a condition that col contains v, ignoring case and diacritics; it takes its argument
// twice. SQLite's LIKE ignores the case of ASCII letters itself, so the Go fold (a call out of SQLite
// per row) runs only for values with other characters: "Zoë" for afzender:zoe.
func foldedLike(col, v string) (string, any) {
	return "(" + col + ` LIKE ? ESCAPE '\' OR (` + col + ` GLOB '*[^ -~]*' AND werkbank_fold(` + col + `) LIKE ? ESCAPE '\'))`,
		likeContains(search.Fold(v))
}
