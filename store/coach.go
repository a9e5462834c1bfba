package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/werkbank-nl/werkbank/model"
)

// A coach copy is a self-contained copy of the database for the AS's sparring coach, without anything
// the confidentiality rule (model.Imposition.Withheld) leaves out. It is made in steps on a private
// working copy next to the destination, never on the source:
//
//  1. VACUUM INTO a temporary file (a plain file copy could miss what is still in the WAL);
//  2. withhold: the impositions the rule leaves out, every row that references one through an
//     imposition_id column, and then, to a fixed point, every row that points at a withheld row
//     through any declared foreign key (an action on a withheld agenda item, a document in a withheld
//     dossier, a letter that sent a withheld document, a mail's attachments, history lines), plus the
//     prullenbak entries of all of them. The tables are read from sqlite_master at run time, so tables
//     added later are covered by the same rule: anything that points at withheld content is withheld;
//  3. originals whose bytes a withheld document held go from every document; optionally all
//     originals, or (with pseudonymisation) every original whose content names a person;
//  4. optionally pseudonymise every text (coach_pseudo.go);
//  5. rebuild every FTS5 index from what remains (a contentless index is dropped, created again from
//     its own DDL and refilled the way the store fills it), drop the sqlite_stat tables;
//  6. secure_delete and VACUUM, so no free page keeps removed text; rollback-journal mode; the coach
//     application_id; the creation date and a summary of what was left out in settings;
//  7. optionally encrypt (coach_crypt.go), then rename into place.

// Settings a coach copy carries.
const (
	SettingCoachCreated = "coach_created" // YYYY-MM-DD
	SettingCoachSummary = "coach_summary" // CoachSummary as JSON
)

// Errors of CoachCopy.
var (
	ErrCoachExists = errors.New("het doelbestand bestaat al; kies een andere naam of gebruik --overschrijf")
	ErrCoachSource = errors.New("de kopie voor de coach mag de database zelf niet vervangen")
)

// CoachOptions say what a coach copy leaves out beyond what is confidential.
type CoachOptions struct {
	// Pseudonymise replaces people's names by labels (Lid A, Bestuurder, Persoon A) in every text, and
	// leaves out every original whose content names a person.
	Pseudonymise bool
	// WithoutOriginals leaves all original files out; their text stays.
	WithoutOriginals bool
	// Overwrite allows replacing an existing file.
	Overwrite bool
	// Passphrase, when not empty, encrypts the copy with age (scrypt).
	Passphrase []byte
	// Today is the day the confidentiality rule is applied for; zero means the store's today.
	Today model.Date
}

// CoachCount is how many rows of one kind a coach copy left out.
type CoachCount struct {
	Table string `json:"table"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// CoachSummary says what a coach copy left out: counts only, never content.
type CoachSummary struct {
	Path             string       `json:"path"`
	Created          model.Date   `json:"created"`
	Withheld         []CoachCount `json:"withheld"`
	OriginalsOut     int          `json:"originals_left_out"`
	Pseudonymised    bool         `json:"pseudonymised"`
	People           int          `json:"people_pseudonymised"`
	WithoutOriginals bool         `json:"without_originals"`
	Encrypted        bool         `json:"encrypted"`
	Size             int64        `json:"size"`
}

// coachLabels name the kinds a user knows; a table added later shows under its own name.
var coachLabels = map[string]string{
	"impositions":           "geheimhoudingen",
	"documents":             "documenten",
	"agenda_items":          "agendapunten",
	"agenda_item_documents": "stukken bij agendapunten",
	"actions":               "acties",
	"action_history":        "regels actiegeschiedenis",
	"decisions":             "besluiten",
	"letters":               "brieven",
	"letter_versions":       "briefversies",
	"dossiers":              "dossiers",
	"dossier_events":        "dossiergebeurtenissen",
	"backlog":               "onderwerpen parkeerlijst",
	"backlog_documents":     "stukken bij de parkeerlijst",
	"bin":                   "regels in de prullenbak",
	"blobs":                 "originele bestanden",
}

// coachFailHook lets a test fail a stage ("clean", "rename") the way a full disk would.
var coachFailHook = func(stage string) error { return nil }

// CoachCopy writes a coach copy of the database to out. The source is only read; a failure leaves no
// file at out and nothing of the working copy behind.
func (s *Store) CoachCopy(ctx context.Context, out string, opt CoachOptions) (CoachSummary, error) {
	sum := CoachSummary{Pseudonymised: opt.Pseudonymise, WithoutOriginals: opt.WithoutOriginals, Encrypted: len(opt.Passphrase) > 0}
	if opt.Today.IsZero() {
		opt.Today = s.Today()
	}
	sum.Created = opt.Today
	abs, err := filepath.Abs(out)
	if err != nil {
		return sum, fmt.Errorf("ongeldig pad %q: %w", out, err)
	}
	sum.Path = abs
	if err := s.checkCoachTarget(abs, opt.Overwrite); err != nil {
		return sum, err
	}
	dir := filepath.Dir(abs)
	f, err := os.CreateTemp(dir, "."+filepath.Base(abs)+"-*.tmp")
	if err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: kan niet schrijven in %s: %w", dir, err)
	}
	work := f.Name()
	f.Close()
	final := work
	defer func() {
		os.Remove(work)
		if final != work {
			os.Remove(final)
		}
	}()
	if err := s.vacuumInto(ctx, work); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	if err := coachFailHook("clean"); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	if err := cleanCoachCopy(ctx, work, opt, &sum); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", mapErr(err))
	}
	if len(opt.Passphrase) > 0 {
		if final, err = encryptNextTo(work, abs, opt.Passphrase); err != nil {
			return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
		}
	}
	if err := coachFailHook("rename"); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	if err := syncFile(final); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	// Checked again just before the rename: another process may have created out meanwhile.
	if err := s.checkCoachTarget(abs, opt.Overwrite); err != nil {
		return sum, err
	}
	if err := os.Rename(final, abs); err != nil {
		return sum, fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	final = work // renamed away: nothing left to remove but the working copy
	syncDir(dir)
	if fi, err := os.Stat(abs); err == nil {
		sum.Size = fi.Size()
	}
	return sum, nil
}

func (s *Store) checkCoachTarget(abs string, overwrite bool) error {
	if abs == s.path || strings.HasPrefix(abs, s.path+"-") {
		return ErrCoachSource
	}
	fi, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("kopie voor coach mislukt: %w", err)
	}
	if src, err := os.Stat(s.path); err == nil && os.SameFile(fi, src) {
		return ErrCoachSource
	}
	if fi.IsDir() {
		return fmt.Errorf("%s is een map; geef een bestandsnaam voor de kopie", abs)
	}
	if !overwrite {
		return fmt.Errorf("%s: %w", abs, ErrCoachExists)
	}
	return nil
}

// cleanCoachCopy turns the working copy at path into a coach copy.
func cleanCoachCopy(ctx context.Context, path string, opt CoachOptions, sum *CoachSummary) error {
	p := url.Values{}
	p.Add("_pragma", "foreign_keys(1)")
	p.Add("_pragma", "secure_delete(1)")
	db, err := sql.Open("sqlite", dsn(path, p))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// No journal file next to the destination while the copy still holds what is to be removed.
	for _, q := range []string{"PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = MEMORY"} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	sc, err := readSchema(ctx, conn)
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := withhold(ctx, tx, sc, opt.Today, sum); err != nil {
		return err
	}
	var names *pseudonyms
	if opt.Pseudonymise {
		if names, err = collectPeople(ctx, tx, sc); err != nil {
			return err
		}
		sum.People = names.count()
	}
	n, err := dropOriginals(ctx, tx, opt, names)
	if err != nil {
		return err
	}
	sum.OriginalsOut += n
	if names != nil {
		if err := pseudonymise(ctx, tx, sc, names); err != nil {
			return err
		}
	}
	if err := rebuildFTS(ctx, tx, sc, names); err != nil {
		return err
	}
	for _, st := range sc.stats {
		if _, err := tx.ExecContext(ctx, "DROP TABLE "+quoteIdent(st)); err != nil {
			return err
		}
	}
	if err := setSetting(ctx, tx, SettingCoachCreated, opt.Today.String()); err != nil {
		return err
	}
	js, _ := json.Marshal(sum)
	if err := setSetting(ctx, tx, SettingCoachSummary, string(js)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, q := range []string{
		fmt.Sprintf("PRAGMA application_id = %d", int32(CoachAppID)),
		"VACUUM",
		"PRAGMA journal_mode = DELETE",
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	var bad string
	if err := conn.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&bad); err != nil || bad != "ok" {
		return fmt.Errorf("kopie niet in orde: %s %v", bad, err)
	}
	return nil
}

// withhold removes what the confidentiality rule leaves out, and everything that points at it.
func withhold(ctx context.Context, tx *sql.Tx, sc *schema, today model.Date, sum *CoachSummary) error {
	if _, ok := sc.tables["impositions"]; !ok {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE coach_gone (tbl TEXT NOT NULL, rid INTEGER NOT NULL,
		PRIMARY KEY (tbl, rid)) WITHOUT ROWID`); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+impositionCols+" FROM impositions")
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		i, err := scanImposition(rows)
		if err != nil {
			rows.Close()
			return err
		}
		if i.Withheld(today) {
			ids = append(ids, i.ID)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, "INSERT INTO temp.coach_gone VALUES ('impositions', ?)", id); err != nil {
			return err
		}
	}
	if err := markDependents(ctx, tx, sc); err != nil {
		return err
	}
	before, err := coachCountRows(ctx, tx, sc)
	if err != nil {
		return err
	}
	// Constraints are checked at the commit, when every row that pointed at a removed one is gone too.
	if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	// The originals withheld documents held are noted before the rows go.
	if _, err := tx.ExecContext(ctx, "CREATE TEMP TABLE coach_gone_blobs (sha256 TEXT PRIMARY KEY)"); err != nil {
		return err
	}
	if sc.has("documents", "sha256") {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.coach_gone_blobs SELECT sha256 FROM documents
			WHERE sha256 IS NOT NULL AND rowid IN (SELECT rid FROM temp.coach_gone WHERE tbl = 'documents')`); err != nil {
			return err
		}
	}
	for _, t := range sc.order {
		if !sc.tables[t].rowid {
			continue
		}
		q := fmt.Sprintf("DELETE FROM %s WHERE rowid IN (SELECT rid FROM temp.coach_gone WHERE tbl = ?)", quoteIdent(t))
		if _, err := tx.ExecContext(ctx, q, t); err != nil {
			return fmt.Errorf("%s: %w", t, err)
		}
	}
	// An original a withheld document held goes from every document: the same bytes are withheld content.
	if sc.has("documents", "sha256") {
		res, err := tx.ExecContext(ctx, "UPDATE documents SET sha256 = NULL WHERE sha256 IN (SELECT sha256 FROM temp.coach_gone_blobs)")
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		sum.OriginalsOut += int(n)
	}
	if _, ok := sc.tables["blobs"]; ok {
		if _, err := tx.ExecContext(ctx, "DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents WHERE sha256 IS NOT NULL)"); err != nil {
			return err
		}
	}
	after, err := coachCountRows(ctx, tx, sc)
	if err != nil {
		return err
	}
	for _, t := range sc.order {
		if n := before[t] - after[t]; n > 0 && t != "blob_chunks" {
			label := coachLabels[t]
			if label == "" {
				label = t
			}
			sum.Withheld = append(sum.Withheld, CoachCount{Table: t, Label: label, Count: n})
		}
	}
	_, err = tx.ExecContext(ctx, "DROP TABLE temp.coach_gone; DROP TABLE temp.coach_gone_blobs")
	return err
}

// markDependents extends coach_gone to a fixed point: rows with a withheld imposition_id, rows whose
// foreign key points at a gone row, and prullenbak entries of gone rows.
func markDependents(ctx context.Context, tx *sql.Tx, sc *schema) error {
	var stmts []string
	for _, t := range sc.order {
		ti := sc.tables[t]
		if !ti.rowid {
			continue // nothing points at a WITHOUT ROWID table here; the cascade takes its rows
		}
		if ti.cols["imposition_id"] {
			stmts = append(stmts, fmt.Sprintf(`INSERT OR IGNORE INTO temp.coach_gone SELECT %s, rowid FROM %s
				WHERE imposition_id IN (SELECT rid FROM temp.coach_gone WHERE tbl = 'impositions')`, quoteString(t), quoteIdent(t)))
		}
		for _, fk := range ti.fks {
			parent, ok := sc.tables[fk.parent]
			if !ok || !parent.rowid {
				continue
			}
			to := fk.to
			if len(to) == 0 {
				to = parent.pk
			}
			if len(to) != len(fk.from) || len(to) == 0 {
				continue
			}
			stmts = append(stmts, fmt.Sprintf(`INSERT OR IGNORE INTO temp.coach_gone SELECT %s, rowid FROM %s
				WHERE (%s) IN (SELECT %s FROM %s WHERE rowid IN (SELECT rid FROM temp.coach_gone WHERE tbl = %s))`,
				quoteString(t), quoteIdent(t), identList(fk.from), identList(to), quoteIdent(fk.parent), quoteString(fk.parent)))
		}
	}
	if sc.has("bin", "kind") && sc.has("bin", "ref_id") {
		stmts = append(stmts, `INSERT OR IGNORE INTO temp.coach_gone SELECT 'bin', b.rowid FROM bin b
			WHERE EXISTS (SELECT 1 FROM temp.coach_gone g WHERE g.tbl = b.kind AND g.rid = b.ref_id)`)
	}
	for {
		added := int64(0)
		for _, q := range stmts {
			res, err := tx.ExecContext(ctx, q)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += n
		}
		if added == 0 {
			return nil
		}
	}
}

func coachCountRows(ctx context.Context, tx *sql.Tx, sc *schema) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range sc.order {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(t)).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}

// dropOriginals removes originals the options leave out and then every blob no document refers to.
// It returns how many documents lost their original.
func dropOriginals(ctx context.Context, tx *sql.Tx, opt CoachOptions, names *pseudonyms) (int, error) {
	var n int
	if opt.WithoutOriginals {
		res, err := tx.ExecContext(ctx, "UPDATE documents SET sha256 = NULL WHERE sha256 IS NOT NULL")
		if err != nil {
			return 0, err
		}
		k, _ := res.RowsAffected()
		n = int(k)
	} else if names != nil {
		k, err := dropNamingOriginals(ctx, tx, names)
		if err != nil {
			return 0, err
		}
		n = k
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM documents WHERE sha256 IS NOT NULL)")
	return n, err
}

// ExpiredImpositions lists a body's impositions whose end date has passed and that the AS has not
// released yet: their rows stay out of every coach copy and openbare export until the AS reviews and
// releases them (ReleaseImposition). Overzicht flags them "verlopen: opnieuw beoordelen".
func (s *Store) ExpiredImpositions(ctx context.Context, bodyID int64, today model.Date) ([]model.Imposition, error) {
	all, err := s.Impositions(ctx, bodyID)
	if err != nil {
		return nil, err
	}
	out := []model.Imposition{}
	for _, i := range all {
		if i.State(today) == model.ExpiredUnreviewed {
			out = append(out, i)
		}
	}
	return out, nil
}
