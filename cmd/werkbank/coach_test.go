package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/store"
)

func TestCoachCopyCommand(t *testing.T) {
	home, db := demoDB(t)
	out := filepath.Join(home, "coach.db")
	code, stdout, errs := runCmd(t, home, "--db", db, "coach-copy", out)
	if code != 0 || !strings.Contains(stdout, "Kopie voor coach gemaakt: "+out) {
		t.Fatalf("%d %q %q", code, stdout, errs)
	}
	if code, _, errs := runCmd(t, home, "--db", db, "coach-copy", out); code != 1 || !strings.Contains(errs, "bestaat al") {
		t.Fatalf("existing: %d %q", code, errs)
	}
	// Pseudonymising the whole demo archive reads every original again: under -short (and -race) the
	// store tests cover it on a smaller archive.
	args := []string{"--db", db, "coach-copy", out, "--overschrijf", "--zonder-originelen", "--json"}
	if !testing.Short() {
		args = append(args, "--pseudonimiseer")
	}
	code, stdout, errs = runCmd(t, home, args...)
	var sum map[string]any
	if code != 0 || json.Unmarshal([]byte(stdout), &sum) != nil || sum["pseudonymised"] != !testing.Short() || sum["without_originals"] != true || sum["withheld"] == nil {
		t.Fatalf("json: %d %s %s", code, stdout, errs)
	}
	t.Run("versleuteld", func(t *testing.T) { testCoachCopyEncrypted(t, home, db) })
	if code, _, _ := runCmd(t, home, "--db", db, "coach-copy"); code != 2 {
		t.Fatalf("no output: %d", code)
	}
	// The copy opens read-only by itself: a write command is refused.
	if code, stdout, errs := runCmd(t, home, "--db", out, "leden"); code != 0 || testing.Short() == strings.Contains(stdout, "Lid A") {
		t.Fatalf("leden in the copy: %d %q %q", code, stdout, errs)
	}
}

func testCoachCopyEncrypted(t *testing.T, home, db string) {
	store.ScryptWorkFactor = 12
	defer func() { store.ScryptWorkFactor = 18 }()
	out := filepath.Join(home, "coach.age")
	// Without a terminal the passphrase is the first line of standard input.
	code, stdout, errs := runIn(t, home, "geheim wachtwoord\n", "--db", db, "coach-copy", out, "--versleutel")
	if code != 0 || !strings.Contains(stdout, "Versleuteld") {
		t.Fatalf("%d %q %q", code, stdout, errs)
	}
	raw, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(raw), "age-encryption.org/v1") {
		t.Fatal("not encrypted")
	}
	if code, _, errs := runIn(t, home, "fout\n", "--db", out, "leden"); code != 1 || !strings.Contains(errs, "wachtwoord onjuist") {
		t.Fatalf("wrong passphrase: %d %q", code, errs)
	}
	code, stdout, errs = runIn(t, home, "geheim wachtwoord\n", "--db", out, "leden")
	if code != 0 || !strings.Contains(stdout, "leden") {
		t.Fatalf("right passphrase: %d %q %q", code, stdout, errs)
	}
	if code, _, errs := runIn(t, home, "", "--db", out, "leden"); code != 1 || !strings.Contains(errs, "wachtwoord") {
		t.Fatalf("no passphrase: %d %q", code, errs)
	}
	if now, _ := os.ReadFile(out); string(now) != string(raw) {
		t.Error("opening changed the encrypted file")
	}
}
