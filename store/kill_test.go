package store

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// committed is everything the killed writers reported as committed, over all runs.
type committed struct {
	members  map[int64]int64 // id -> lowest version it must have
	meetings map[int64]int   // id -> items it was created with
	items    map[int64]int64 // id -> meeting
	docs     map[int64]bool
	dossiers map[int64]bool
	events   map[int64]int64 // id -> dossier
	letters  map[int64]int   // id -> highest version reported
	writes   int
}

func (c *committed) add(line string) error {
	f := strings.Fields(line)
	num := func(i int) int64 {
		n, _ := strconv.ParseInt(f[i], 10, 64)
		return n
	}
	switch {
	case line == "ready":
		return nil
	case f[0] == "member" && len(f) == 2:
		c.members[num(1)] = max(c.members[num(1)], 1)
	case f[0] == "version" && len(f) == 4:
		c.members[num(2)] = max(c.members[num(2)], num(3))
	case f[0] == "meeting" && len(f) == 3:
		c.meetings[num(1)] = int(num(2))
	case f[0] == "item" && len(f) == 3:
		c.items[num(1)] = num(2)
	case f[0] == "doc" && len(f) == 2:
		c.docs[num(1)] = true
	case f[0] == "dossier" && len(f) == 2:
		c.dossiers[num(1)] = true
	case f[0] == "event" && len(f) == 3:
		c.events[num(1)] = num(2)
	case f[0] == "letter" && len(f) == 3:
		c.letters[num(1)] = max(c.letters[num(1)], int(num(2)))
	case (f[0] == "deleted" || f[0] == "restored") && len(f) == 3:
	default:
		return fmt.Errorf("unexpected line %q", line)
	}
	c.writes++
	return nil
}

// TestKillWhileWriting starts a writer process (members, versioned updates, meetings with agenda
// items, reordering, imports in batches, dossiers and their events, letters and their versions, deletes
// to the prullenbak and restores from it), kills it with
// SIGKILL at a random moment, and then checks the database: it opens, Check finds nothing, every write
// the writer reported is there, and nothing is half written. 50 kills a run, 10 under -short.
func TestKillWhileWriting(t *testing.T) {
	kills := 50
	if testing.Short() {
		kills = 10
	}
	s, path := newStore(t)
	newBody(t, s)
	s.Close()
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	c := &committed{members: map[int64]int64{}, meetings: map[int64]int{}, items: map[int64]int64{}, docs: map[int64]bool{},
		dossiers: map[int64]bool{}, events: map[int64]int64{}, letters: map[int64]int{}}
	early := 0
	for k := 0; k < kills; k++ {
		cmd := helperCommand(t, "writer", path, "WERKBANK_HELPER_SEED="+strconv.FormatUint(seed+uint64(k), 10))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		ready := make(chan struct{})
		var lines []string
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if sc.Text() == "ready" {
					close(ready)
				}
				lines = append(lines, sc.Text())
			}
		}()
		if k%5 == 4 {
			// Now and then the kill comes while the process is still opening the database.
			time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
			early++
		} else {
			select {
			case <-ready:
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("writer did not start: %s", stderr.String())
			}
			time.Sleep(time.Duration(5+rng.IntN(80)) * time.Millisecond)
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		wg.Wait()
		err = cmd.Wait()
		if stderr.Len() > 0 || err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("kill %d: writer ended by itself (%v): %s", k, err, stderr.String())
		}
		for _, l := range lines {
			if err := c.add(l); err != nil {
				t.Fatal(err)
			}
		}
		verifyCommitted(t, path, c, k)
	}
	t.Logf("%d kills (%d while opening), %d committed writes checked: %d members, %d meetings, %d items, %d documents, %d dossiers, %d events, %d letters",
		kills, early, c.writes, len(c.members), len(c.meetings), len(c.items), len(c.docs), len(c.dossiers), len(c.events), len(c.letters))
	if c.writes == 0 {
		t.Fatal("the writer never got a write committed")
	}
}

// verifyCommitted opens the database after a kill and checks it as a user's next start would.
func verifyCommitted(t *testing.T, path string, c *committed, k int) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("kill %d: database does not open: %v", k, err)
	}
	defer s.Close()
	ctx := context.Background()
	rep, err := s.Check(ctx)
	if err != nil || !rep.OK {
		t.Fatalf("kill %d: check: %v %+v", k, err, rep)
	}
	q := s.r
	for id, v := range c.members {
		var got int64
		if err := q.QueryRowContext(ctx, "SELECT version FROM members WHERE id = ?", id).Scan(&got); err != nil || got < v {
			t.Fatalf("kill %d: member %d: version %d, want >= %d (%v)", k, id, got, v, err)
		}
	}
	for id, n := range c.meetings {
		var got int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?", id).Scan(&got); err != nil || got < n {
			t.Fatalf("kill %d: meeting %d has %d items, was created with %d (%v)", k, id, got, n, err)
		}
	}
	for id, meeting := range c.items {
		var got int64
		if err := q.QueryRowContext(ctx, "SELECT meeting_id FROM agenda_items WHERE id = ?", id).Scan(&got); err != nil || got != meeting {
			t.Fatalf("kill %d: agenda item %d: meeting %d, want %d (%v)", k, id, got, meeting, err)
		}
	}
	for id := range c.docs {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM documents d JOIN blobs b ON b.sha256 = d.sha256
			WHERE d.id = ? AND EXISTS (SELECT 1 FROM blob_chunks c WHERE c.sha256 = d.sha256)`, id).Scan(&n); err != nil || n != 1 {
			t.Fatalf("kill %d: document %d or its original is missing (%v)", k, id, err)
		}
	}
	for id := range c.dossiers {
		var n int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM dossiers WHERE id = ?", id).Scan(&n); err != nil || n != 1 {
			t.Fatalf("kill %d: dossier %d is missing (%v)", k, id, err)
		}
	}
	for id, d := range c.events {
		var got int64
		if err := q.QueryRowContext(ctx, "SELECT dossier_id FROM dossier_events WHERE id = ?", id).Scan(&got); err != nil || got != d {
			t.Fatalf("kill %d: dossier event %d: dossier %d, want %d (%v)", k, id, got, d, err)
		}
	}
	for id, n := range c.letters {
		var got int
		if err := q.QueryRowContext(ctx, "SELECT count(*) FROM letter_versions WHERE letter_id = ? AND n <= ?", id, n).Scan(&got); err != nil || got != n {
			t.Fatalf("kill %d: letter %d has %d of its %d reported versions (%v)", k, id, got, n, err)
		}
	}
	// No letter without a version: a letter and its first version are written together.
	var bare int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM letters WHERE id NOT IN (SELECT letter_id FROM letter_versions)").Scan(&bare); err != nil || bare != 0 {
		t.Fatalf("kill %d: %d letters without a version (%v)", k, bare, err)
	}
	// Every agenda is numbered 1..n without gaps or doubles: a reorder is never half done.
	var broken int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT meeting_id FROM agenda_items WHERE deleted_at IS NULL
		GROUP BY meeting_id HAVING min(position) <> 1 OR max(position) <> count(*) OR count(DISTINCT position) <> count(*))`).Scan(&broken); err != nil || broken != 0 {
		t.Fatalf("kill %d: %d agendas with broken numbering (%v)", k, broken, err)
	}
}
