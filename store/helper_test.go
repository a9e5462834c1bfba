package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
	"github.com/werkbank-nl/werkbank/model/dossier"
	"github.com/werkbank-nl/werkbank/model/termijn"
)

// The durability tests run this test binary again as a second werkbank process: a writer to kill, or
// a session that holds the database open and answers commands on stdin. TestDurabilityHelper does
// nothing in a normal run.
const helperEnv = "WERKBANK_DURABILITY_HELPER"

func helperCommand(t *testing.T, role, path string, extraEnv ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestDurabilityHelper$", "-test.v=false")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+role, "WERKBANK_HELPER_DB="+path), extraEnv...)
	return cmd
}

func TestDurabilityHelper(t *testing.T) {
	role := os.Getenv(helperEnv)
	if role == "" {
		t.Skip("only runs as a helper process")
	}
	path := os.Getenv("WERKBANK_HELPER_DB")
	var code int
	switch role {
	case "writer":
		seed, _ := strconv.ParseUint(os.Getenv("WERKBANK_HELPER_SEED"), 10, 64)
		code = killWriter(path, seed)
	case "session":
		code = session(path)
	}
	os.Exit(code)
}

// killWriter writes for ever, a random mix of what werkbank writes, and prints one line per write
// after it was committed: the parent kills it at a random moment and then checks every printed write.
func killWriter(path string, seed uint64) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx := context.Background()
	body, err := s.ActiveBody(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	w := &killer{s: s, ctx: ctx, body: body.ID, rng: rng, seed: seed}
	fmt.Println("ready")
	for i := 0; ; i++ {
		if err := w.step(i); err != nil {
			fmt.Fprintln(os.Stderr, "write failed:", err)
			return 1
		}
	}
}

type killer struct {
	s        *Store
	ctx      context.Context
	body     int64
	rng      *rand.Rand
	seed     uint64
	members  []model.Member
	meetings []int64
	items    []int64
	docs     []int64
	dossiers []int64
	letters  []int64
}

func (w *killer) step(i int) error {
	ctx, s := w.ctx, w.s
	switch n := w.rng.IntN(100); {
	case n < 20:
		m, err := s.CreateMember(ctx, model.Member{BodyID: w.body, Name: fmt.Sprintf("Lid %d-%d", w.seed, i), Role: model.RoleLid})
		if err != nil {
			return err
		}
		w.members = append(w.members, m)
		fmt.Printf("member %d\n", m.ID)
	case n < 30 && len(w.members) > 0:
		k := w.rng.IntN(len(w.members))
		m := w.members[k]
		m.Email = fmt.Sprintf("lid%d@example.nl", i)
		m, err := s.UpdateMember(ctx, m)
		if err != nil {
			return err
		}
		w.members[k] = m
		fmt.Printf("version member %d %d\n", m.ID, m.Version)
	case n < 45:
		items := make([]model.AgendaItem, 3+w.rng.IntN(6))
		for j := range items {
			items[j] = model.AgendaItem{Title: fmt.Sprintf("Punt %d van %d", j+1, i), Minutes: 5 + j}
		}
		m, err := s.CreateMeeting(ctx, model.Meeting{BodyID: w.body, Kind: model.MeetingOR,
			Date: model.MustDate("2025-12-02").AddDays(i % 300), Start: 570, End: 720}, items)
		if err != nil {
			return err
		}
		w.meetings = append(w.meetings, m.ID)
		fmt.Printf("meeting %d %d\n", m.ID, len(items))
	case n < 55 && len(w.meetings) > 0:
		mid := w.meetings[w.rng.IntN(len(w.meetings))]
		it, err := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: mid, Title: fmt.Sprintf("Extra punt %d", i), Minutes: 10})
		if err != nil {
			return err
		}
		w.items = append(w.items, it.ID)
		fmt.Printf("item %d %d\n", it.ID, mid)
	case n < 62 && len(w.items) > 0:
		if _, err := s.MoveAgendaItem(ctx, w.items[w.rng.IntN(len(w.items))], []int{-1, 1}[w.rng.IntN(2)]); err != nil {
			return err
		}
	case n < 72:
		return w.importBatch(i)
	case n < 80:
		return w.dossierWork(i)
	case n < 88:
		return w.letterWork(i)
	case n < 93 && len(w.docs) > 0:
		k := w.rng.IntN(len(w.docs))
		id := w.docs[k]
		if err := s.DeleteDocument(ctx, id); err != nil {
			return err
		}
		w.docs = append(w.docs[:k], w.docs[k+1:]...)
		fmt.Printf("deleted doc %d\n", id)
	default:
		bin, err := s.Bin(ctx)
		if err != nil || len(bin) == 0 {
			return err
		}
		e := bin[w.rng.IntN(len(bin))]
		if err := s.Restore(ctx, e.ID); err != nil {
			return err
		}
		if e.Kind == "documents" {
			w.docs = append(w.docs, e.RefID)
		}
		fmt.Printf("restored %s %d\n", e.Kind, e.RefID)
	}
	return nil
}

// dossierWork starts a dossier, or adds a note to one of this run's dossiers.
func (w *killer) dossierWork(i int) error {
	if len(w.dossiers) == 0 || w.rng.IntN(2) == 0 {
		d, err := w.s.CreateDossier(w.ctx, dossier.Dossier{BodyID: w.body, Kind: termijn.Adviesaanvraag,
			Title: fmt.Sprintf("Adviesaanvraag %d", i), StartedOn: model.MustDate("2025-09-12")})
		if err != nil {
			return err
		}
		w.dossiers = append(w.dossiers, d.ID)
		fmt.Printf("dossier %d\n", d.ID)
		return nil
	}
	did := w.dossiers[w.rng.IntN(len(w.dossiers))]
	e, err := w.s.AddDossierEvent(w.ctx, dossier.Event{DossierID: did, Kind: dossier.Note, Date: model.MustDate("2025-10-01"),
		Note: fmt.Sprintf("Notitie %d", i)})
	if err != nil {
		return err
	}
	fmt.Printf("event %d %d\n", e.ID, did)
	return nil
}

// letterWork drafts a letter from a template, or saves a new version of one of this run's letters.
func (w *killer) letterWork(i int) error {
	if len(w.letters) == 0 || w.rng.IntN(3) == 0 {
		l, err := w.s.CreateLetter(w.ctx, w.body, "adviesbrief-negatief", 0)
		if err != nil {
			return err
		}
		w.letters = append(w.letters, l.ID)
		fmt.Printf("letter %d 1\n", l.ID)
		return nil
	}
	id := w.letters[w.rng.IntN(len(w.letters))]
	v, err := w.s.LetterVersion(w.ctx, id, 0)
	if err != nil {
		return err
	}
	v, err = w.s.SaveLetterVersion(w.ctx, id, v.N, v.Source+fmt.Sprintf("\nAanvulling %d.", i), v.Fields)
	if err != nil {
		return err
	}
	fmt.Printf("letter %d %d\n", id, v.N)
	return nil
}

// importBatch imports several text files in one batch; each committed document is printed.
func (w *killer) importBatch(i int) error {
	var out []string
	b, err := w.s.NewBatch(w.ctx, model.DocumentMeta{BodyID: w.body}, func(r model.ImportResult) {
		if r.Status == model.ImportOK {
			out = append(out, fmt.Sprintf("doc %d", r.DocumentID))
		}
	})
	if err != nil {
		return err
	}
	for f := 0; f < 2+w.rng.IntN(10); f++ {
		var sb strings.Builder
		fmt.Fprintf(&sb, "Verslag %d-%d-%d van de ondernemingsraad.\n", w.seed, i, f)
		for p := 0; p < 50+w.rng.IntN(400); p++ {
			fmt.Fprintf(&sb, "Het roosterbeleid en de thuiswerkregeling %d kwamen aan de orde; besluit %d. ", w.rng.IntN(1e6), p)
		}
		if err := b.Add(fmt.Sprintf("verslag-%d-%d.txt", i, f), strings.NewReader(sb.String()), model.DocumentMeta{}); err != nil {
			return err
		}
	}
	if err := b.Close(); err != nil {
		return err
	}
	for _, line := range out {
		fmt.Println(line)
		id, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
		w.docs = append(w.docs, id)
	}
	return nil
}

// session holds the database open like a TUI left running, and answers one command per line:
// "count" prints the live members (after asking Changed, as a TUI does after a key), "write NAME"
// adds a member, "quit" ends.
func session(path string) int {
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	ctx := context.Background()
	body, err := s.ActiveBody(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		cmd, arg, _ := strings.Cut(in.Text(), " ")
		switch cmd {
		case "count":
			changed, err := s.Changed(ctx)
			ms, err2 := s.Members(ctx, body.ID)
			if err == nil {
				err = err2
			}
			fmt.Println("count", len(ms), changed, err)
		case "write":
			_, err := s.CreateMember(ctx, model.Member{BodyID: body.ID, Name: arg, Role: model.RoleLid})
			fmt.Println("write", err)
		case "quit":
			return 0
		}
	}
	return 0
}
