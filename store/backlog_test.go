package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// addDocument archives a document with its original bytes in two chunks, as the import does.
func addDocument(t *testing.T, s *Store, bodyID int64, title, name string, data []byte) int64 {
	t.Helper()
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	var id int64
	err := s.tx(context.Background(), func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT OR IGNORE INTO blobs (sha256, size, created_at) VALUES (?, ?, ?)", sha, len(data), s.stamp()); err != nil {
			return err
		}
		half := len(data) / 2
		for i, part := range [][]byte{data[:half], data[half:]} {
			if _, err := tx.Exec("INSERT OR IGNORE INTO blob_chunks (sha256, seq, data) VALUES (?, ?, ?)", sha, i, part); err != nil {
				return err
			}
		}
		res, err := tx.Exec(`INSERT INTO documents (body_id, title, date, type, sha256, file_name, size, imported_at)
			VALUES (?, ?, '2025-11-01', 'bijlage', ?, ?, ?, ?)`, bodyID, title, sha, name, len(data), s.stamp())
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestBacklogScheduleAndBack(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	m := newMeeting(t, s, b)
	topic, err := s.CreateBacklogTopic(ctx, model.BacklogTopic{BodyID: b.ID, Title: "Kantinebeleid", RaisedBy: "Lid A",
		RaisedOn: model.MustDate("2025-10-03"), Minutes: 20})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateBacklogTopic(ctx, model.BacklogTopic{BodyID: b.ID, Title: "Nul", Minutes: 0}); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("zero minutes: %v", err)
	}
	doc := addDocument(t, s, b.ID, "Notitie kantine", "kantine.pdf", []byte("%PDF-1.4 kantine"))
	if _, err := s.w.Exec("INSERT INTO backlog_documents (topic_id, document_id) VALUES (?, ?)", topic.ID, doc); err != nil {
		t.Fatal(err)
	}
	it, err := s.ScheduleTopic(ctx, topic.ID, m.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if it.Position != 5 || it.RaisedBy != "Lid A" || it.Purpose != model.PurposeBespreking {
		t.Fatalf("scheduled: %+v", it)
	}
	if bl, _ := s.Backlog(ctx, b.ID); len(bl) != 0 {
		t.Fatalf("topic still on the parkeerlijst: %+v", bl)
	}
	if docs, _ := s.ItemDocuments(ctx, it.ID); len(docs) != 1 || docs[0].FileName != "kantine.pdf" {
		t.Fatalf("documents did not travel: %+v", docs)
	}
	if _, err := s.ScheduleTopic(ctx, topic.ID, m.ID, 0); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("scheduled twice: %v", err)
	}
	// Standing items stay; a topic goes back with its documents and the gap closes.
	its, _ := s.AgendaItems(ctx, m.ID)
	if _, err := s.UnscheduleItem(ctx, its[0].ID); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("opening to the parkeerlijst: %v", err)
	}
	back, err := s.UnscheduleItem(ctx, it.ID)
	if err != nil || back.Title != "Kantinebeleid" || back.RaisedOn.String() != "2025-10-03" {
		t.Fatalf("back: %v %+v", err, back)
	}
	order(t, s, m.ID)
	if len(mustItems(t, s, m.ID)) != 6 {
		t.Fatal("item still on the agenda")
	}
	var n int
	s.r.QueryRow("SELECT count(*) FROM backlog_documents WHERE topic_id = ?", back.ID).Scan(&n)
	if n != 1 {
		t.Fatalf("documents lost on the way back: %d", n)
	}
	// Delete to the bin and restore.
	if err := s.DeleteBacklogTopic(ctx, back.ID); err != nil {
		t.Fatal(err)
	}
	bin, _ := s.Bin(ctx)
	if err := s.Restore(ctx, bin[0].ID); err != nil {
		t.Fatal(err)
	}
	if bl, _ := s.Backlog(ctx, b.ID); len(bl) != 1 {
		t.Fatalf("restore: %+v", bl)
	}
	back.Title = "Kantine- en pauzebeleid"
	if _, err := s.UpdateBacklogTopic(ctx, back); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateBacklogTopic(ctx, back); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
}

func mustItems(t *testing.T, s *Store, meetingID int64) []model.AgendaItem {
	t.Helper()
	its, err := s.AgendaItems(context.Background(), meetingID)
	if err != nil {
		t.Fatal(err)
	}
	return its
}

func TestOutcomeCarryAndBacklog(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	m := newMeeting(t, s, b)
	a, _ := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Werkdruk ICT", Minutes: 30})
	c, _ := s.AddAgendaItem(ctx, model.AgendaItem{MeetingID: m.ID, Title: "Fietsregeling", Minutes: 15})
	if _, err := s.SetItemOutcome(ctx, a.ID, model.OutcomeCarried); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("carried without a next meeting: %v", err)
	}
	if got := mustItems(t, s, a.MeetingID); len(got) != 8 {
		t.Fatal("failed carry changed the agenda")
	}
	next, _ := s.NewMeeting(ctx, model.Meeting{BodyID: b.ID, Kind: model.MeetingOR, Date: model.MustDate("2026-01-13"), Start: 810, End: 960})
	done, err := s.SetItemOutcome(ctx, a.ID, model.OutcomeCarried)
	if err != nil || done.Outcome != model.OutcomeCarried {
		t.Fatalf("carry: %v %+v", err, done)
	}
	nits := mustItems(t, s, next.ID)
	if nits[4].Title != "Werkdruk ICT" || nits[4].CarriedFrom != a.ID || nits[5].Role != model.RoleAnyOther {
		t.Fatalf("carried item not before the rondvraag: %+v", nits[4])
	}
	if _, err := s.SetItemOutcome(ctx, c.ID, model.OutcomeBacklog); err != nil {
		t.Fatal(err)
	}
	bl, _ := s.Backlog(ctx, b.ID)
	if len(bl) != 1 || bl[0].FromItem != c.ID || bl[0].RaisedOn.String() != "2025-12-02" {
		t.Fatalf("backlog: %+v", bl)
	}
	if _, err := s.SetItemOutcome(ctx, c.ID, "vergeten"); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("bad outcome: %v", err)
	}
	its := mustItems(t, s, m.ID)
	if _, err := s.SetItemOutcome(ctx, its[0].ID, model.OutcomeTreated); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetItemOutcome(ctx, its[0].ID, model.OutcomeBacklog); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("opening to the parkeerlijst: %v", err)
	}
}

func TestAttachmentsAndData(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	b := newBody(t, s)
	other := newBody(t, s)
	m := newMeeting(t, s, b)
	its := mustItems(t, s, m.ID)
	data := []byte(strings.Repeat("Adviesaanvraag reorganisatie. ", 100))
	doc := addDocument(t, s, b.ID, "Adviesaanvraag", "adviesaanvraag.pdf", data)
	foreign := addDocument(t, s, other.ID, "Ander orgaan", "ander.pdf", []byte("x"))
	if err := s.AttachDocument(ctx, its[1].ID, doc); err != nil {
		t.Fatal(err)
	}
	if err := s.AttachDocument(ctx, its[1].ID, doc); err != nil {
		t.Fatalf("attaching twice: %v", err)
	}
	if err := s.AttachDocument(ctx, its[1].ID, foreign); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("foreign document attached: %v", err)
	}
	got, err := s.AttachmentData(ctx, doc)
	if err != nil || string(got) != string(data) {
		t.Fatalf("data: %v (%d bytes)", err, len(got))
	}
	found, _ := s.AttachableDocuments(ctx, b.ID, "ADVIES", 10)
	if len(found) != 1 || found[0].ID != doc {
		t.Fatalf("search: %+v", found)
	}
	if none, _ := s.AttachableDocuments(ctx, b.ID, "100%", 10); len(none) != 0 {
		t.Fatalf("%% is not a wildcard: %+v", none)
	}
	byItem, _ := s.MeetingDocuments(ctx, m.ID)
	if len(byItem[its[1].ID]) != 1 {
		t.Fatalf("meeting documents: %+v", byItem)
	}
	if err := s.DetachDocument(ctx, its[1].ID, doc); err != nil {
		t.Fatal(err)
	}
	if docs, _ := s.ItemDocuments(ctx, its[1].ID); len(docs) != 0 {
		t.Fatal("detach failed")
	}
}
