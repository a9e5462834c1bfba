//go:build unix

package e2e

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestKillRealBinary kills the real werkbank binary with SIGKILL at random moments while it writes:
// every round runs `werkbank import --jsonl` on a folder of new files and `werkbank import-acties` on a
// new list, and every third round also a TUI that keeps adding members. After each kill the database
// must pass `werkbank check`, hold every document the import reported (with its original and its index
// row), every member whose "opgeslagen" the TUI showed, and the action list either whole or not at all.
// 50 rounds, 10 under -short.
func TestKillRealBinary(t *testing.T) {
	rounds := 50
	if testing.Short() {
		rounds = 10
	}
	bin := Build(t, werkbankPkg)
	home := t.TempDir()
	db := filepath.Join(home, "werkbank.db")
	cli(t, bin, home, "--db", db, "demo", "--vandaag", "2025-11-25")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 2))

	docs := map[int64]string{} // reported document id -> path
	var members []string       // names the TUI reported as saved
	killedMid, tuiRounds, listsWhole := 0, 0, 0
	for k := 0; k < rounds; k++ {
		dir, list, listLen := killRoundFiles(t, home, k)
		imp := startJSONL(t, bin, home, "--db", db, "import", "--jsonl", dir)
		acts := exec.Command(bin, "--db", db, "import-acties", list)
		acts.Env = environment(home)
		if err := acts.Start(); err != nil {
			t.Fatal(err)
		}
		actsDone := make(chan error, 1)
		go func() { actsDone <- acts.Wait() }()

		delay := time.Duration(30+rng.IntN(900)) * time.Millisecond
		var saved []string
		if k%3 == 2 {
			tuiRounds++
			saved = addMembersUntilKilled(t, bin, home, db, k, delay, imp)
		} else {
			time.Sleep(delay)
		}
		_ = imp.cmd.Process.Kill()
		_ = acts.Process.Kill()
		reported, finished := imp.wait()
		if !finished {
			killedMid++
		}
		actsErr := <-actsDone
		for id, path := range reported {
			docs[id] = path
		}
		members = append(members, saved...)
		if verifyAfterKill(t, bin, home, db, k, reported, docs, members, listLen, actsErr == nil) {
			listsWhole++
		}
	}
	t.Logf("%d rounds (%d with a TUI), import killed midway %d times, %d documents and %d members reported and found, %d action lists whole",
		rounds, tuiRounds, killedMid, len(docs), len(members), listsWhole)
	if killedMid == 0 || len(docs) == 0 {
		t.Fatalf("the kills never hit a running import (%d) or it never committed a document (%d)", killedMid, len(docs))
	}
}

// killRoundFiles writes round k's folder of new text files and its action list.
func killRoundFiles(t *testing.T, home string, k int) (dir, list string, listLen int) {
	t.Helper()
	dir = filepath.Join(home, fmt.Sprintf("ronde-%02d", k))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 800; i++ {
		var sb strings.Builder
		for p := 0; p < 20; p++ {
			fmt.Fprintf(&sb, "Ronde %d stuk %d alinea %d: de ondernemingsraad vraagt advies over het rooster %d.\n", k, i, p, k*1000+i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("stuk-%03d.txt", i)), []byte(sb.String()), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	listLen = 300
	var sb strings.Builder
	sb.WriteString("Actie;Wie;Deadline\n")
	for i := 0; i < listLen; i++ {
		fmt.Fprintf(&sb, "Killronde %d actie %d;AS;%02d-03-2026\n", k, i, 1+i%28)
	}
	list = filepath.Join(home, fmt.Sprintf("acties-%02d.csv", k))
	if err := os.WriteFile(list, []byte(sb.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, list, listLen
}

// jsonlRun is a werkbank process whose stdout is read as JSON lines while it runs.
type jsonlRun struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	docs map[int64]string
	done chan struct{}
	err  error
}

func startJSONL(t *testing.T, bin, home string, args ...string) *jsonlRun {
	t.Helper()
	r := &jsonlRun{cmd: exec.Command(bin, args...), docs: map[int64]string{}, done: make(chan struct{})}
	r.cmd.Env = environment(home)
	out, err := r.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(r.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var res struct {
				Path       string `json:"path"`
				Status     string `json:"status"`
				DocumentID int64  `json:"document_id"`
			}
			if err := json.Unmarshal(sc.Bytes(), &res); err != nil {
				r.err = fmt.Errorf("half a line reached the reader: %q: %v", sc.Text(), err)
				return
			}
			if res.Status == "geimporteerd" {
				r.mu.Lock()
				r.docs[res.DocumentID] = res.Path
				r.mu.Unlock()
			}
		}
	}()
	return r
}

// wait returns what the process reported and whether it finished by itself before the kill.
func (r *jsonlRun) wait() (map[int64]string, bool) {
	<-r.done
	err := r.cmd.Wait()
	return r.docs, err == nil || !strings.Contains(err.Error(), "killed")
}

// addMembersUntilKilled opens the TUI on Instellingen > Leden and adds members one after another until
// delay has passed, then kills it (the import goes on until the caller kills it). It returns the
// members whose "opgeslagen" reached the screen.
func addMembersUntilKilled(t *testing.T, bin, home, db string, k int, delay time.Duration, imp *jsonlRun) []string {
	t.Helper()
	term := Start(t, bin, Options{Home: home}, "--db", db)
	term.WaitForText("OR Zorggroep Rivierenland")
	term.SendKeys(",", "tab", "tab")
	term.WaitForText("[Leden]")
	term.WaitForText("Anneke Smit") // the list has loaded: before that, n has nothing to add to
	deadline := time.Now().Add(delay)
	var saved []string
	for i := 0; time.Now().Before(deadline); i++ {
		name := fmt.Sprintf("Killlid %d-%d", k, i)
		term.SendKeys("n")
		if !term.poll(func(s string) bool { return strings.Contains(s, "Nieuw lid") }, []time.Duration{5 * time.Second}) {
			t.Fatalf("round %d: no member form:\n%s", k, term.Screen())
		}
		term.Type(name)
		term.SendKeys("ctrl+s")
		if term.poll(func(s string) bool { return strings.Contains(s, name+" opgeslagen") }, []time.Duration{time.Until(deadline)}) {
			saved = append(saved, name)
		} else if strings.Contains(term.Screen(), "Nieuw lid") {
			break // the deadline came while saving: kill with the form open
		}
	}
	_ = term.cmd.Process.Kill()
	term.Close()
	return saved
}

// verifyAfterKill checks the database after round k as the user's next start would find it, and reports
// whether the round's action list went in.
func verifyAfterKill(t *testing.T, bin, home, db string, k int, fresh, docs map[int64]string, members []string, listLen int, listDone bool) bool {
	t.Helper()
	check := exec.Command(bin, "--db", db, "check", "--json")
	check.Env = environment(home)
	if out, err := check.CombinedOutput(); err != nil {
		t.Fatalf("round %d: werkbank check after the kill: %v\n%s", k, err, out)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Every document reported in any round is still there with its original...
	ids := make([]int64, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	list, _ := json.Marshal(ids)
	var whole int
	if err := conn.QueryRow(`SELECT count(*) FROM documents d JOIN json_each(?) j ON j.value = d.id
		WHERE EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = d.sha256)`, string(list)).Scan(&whole); err != nil || whole != len(docs) {
		t.Fatalf("round %d: %d of the %d reported documents are whole (%v)", k, whole, len(docs), err)
	}
	// ...and this round's are in the index too: it is asked for the number only that file has.
	for id, path := range fresh {
		var round, file, n int
		fmt.Sscanf(filepath.Base(filepath.Dir(path))+filepath.Base(path), "ronde-%dstuk-%d.txt", &round, &file)
		err := conn.QueryRow(`SELECT count(*) FROM documents d WHERE d.id = ?
			AND EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = d.sha256)
			AND d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?)`, id, fmt.Sprintf(`"%d"`, round*1000+file)).Scan(&n)
		if err != nil || n != 1 {
			t.Fatalf("round %d: reported document %d (%s) is missing or half written (%v)", k, id, path, err)
		}
	}
	for _, name := range members {
		var n int
		if err := conn.QueryRow("SELECT count(*) FROM members WHERE name = ?", name).Scan(&n); err != nil || n != 1 {
			t.Fatalf("round %d: member %q was shown as saved but is missing (%v)", k, name, err)
		}
	}
	var bare int
	if err := conn.QueryRow("SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = d.sha256)").Scan(&bare); err != nil || bare != 0 {
		t.Fatalf("round %d: %d documents without their original (%v)", k, bare, err)
	}
	var got int
	if err := conn.QueryRow("SELECT count(*) FROM actions WHERE description LIKE ?", fmt.Sprintf("Killronde %d actie %%", k)).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != 0 && got != listLen || listDone && got != listLen {
		t.Fatalf("round %d: %d of the list's %d actions are in (the import finished: %v)", k, got, listLen, listDone)
	}
	return got == listLen
}
