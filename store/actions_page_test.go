package store

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/werkbank-nl/werkbank/model"
)

// pagedActions walks the actielijst window by window, as the Acties screen scrolls, and returns the rows
// in order with the last page's counts.
func pagedActions(t *testing.T, s *Store, body int64, f model.ActionFilter, day model.Date, limit int) ([]model.Action, model.ActionPage) {
	t.Helper()
	var out []model.Action
	var pg model.ActionPage
	for off := 0; ; off += limit {
		var err error
		pg, err = s.ActionsPage(context.Background(), body, f, day, model.PageRequest{Offset: off, Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		if off >= pg.Total {
			return out, pg
		}
		if len(pg.Rows) != min(limit, pg.Total) || pg.Offset > off {
			t.Fatalf("offset %d limit %d: page at %d with %d rows of %d", off, limit, pg.Offset, len(pg.Rows), pg.Total)
		}
		out = append(out, pg.Rows[off-pg.Offset:]...)
	}
}

func actionIDs(list []model.Action) string {
	var b strings.Builder
	for _, a := range list {
		fmt.Fprintf(&b, "%d ", a.ID)
	}
	return b.String()
}

// TestActionsPageMatchesActions: for several filters, the windows put together are exactly the unpaged
// list, and the counts are its length and its late actions; a focus action lands in its window.
func TestActionsPageMatchesActions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	b := newBody(t, s)
	other := newBody(t, s)
	oct := meetingOn(t, s, b, model.MeetingOR, "2025-10-14")
	nov := meetingOn(t, s, b, model.MeetingOR, "2025-11-04")
	day := model.MustDate("2025-11-25")
	owners := []string{"Piet de Vries", "piet de vries", "AS", "Anneke Smit"}
	statuses := []model.ActionStatus{model.ActionOpen, model.ActionBusy, model.ActionDone, model.ActionCancelled, model.ActionOpen}
	var made []model.Action
	for i := range 61 {
		a := model.Action{BodyID: b.ID, Description: fmt.Sprintf("Actie %d", i), Owner: owners[i%len(owners)], Status: statuses[i%len(statuses)]}
		if i%7 != 3 { // some without a date; several on the same date
			a.Due = model.MustDate("2025-11-01").AddDays((i * 5) % 40)
		}
		switch i % 3 {
		case 1:
			a.MeetingID = oct.ID
		case 2:
			a.MeetingID = nov.ID
			if !a.Due.IsZero() && a.Due.Before(nov.Date) {
				a.Due = nov.Date
			}
		}
		got, err := s.CreateAction(ctx, a)
		if err != nil {
			t.Fatalf("action %d: %v", i, err)
		}
		made = append(made, got)
	}
	if err := s.DeleteAction(ctx, made[10].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateAction(ctx, model.Action{BodyID: other.ID, Description: "Elders", Owner: "AS", Due: day}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []model.ActionFilter{{}, {OpenOnly: true}, {Overdue: true}, {Owner: "PIET DE VRIES"}, {MeetingID: oct.ID},
		{MeetingID: nov.ID, OpenOnly: true}, {Owner: "as", Overdue: true}, {Owner: "Niemand"}} {
		all, err := s.Actions(ctx, b.ID, f, day)
		if err != nil {
			t.Fatal(err)
		}
		late := 0
		for _, a := range all {
			if a.OverdueDays(day) > 0 {
				late++
			}
		}
		for _, limit := range []int{1, 7, 100} {
			got, pg := pagedActions(t, s, b.ID, f, day, limit)
			if actionIDs(got) != actionIDs(all) || pg.Total != len(all) || pg.Late != late {
				t.Fatalf("filter %+v limit %d: total %d late %d (want %d, %d)\n got %s\nwant %s", f, limit, pg.Total, pg.Late,
					len(all), late, actionIDs(got), actionIDs(all))
			}
		}
		for i, a := range all {
			pg, err := s.ActionsPage(ctx, b.ID, f, day, model.PageRequest{Offset: 0, Limit: 5, Focus: a.ID})
			if err != nil {
				t.Fatal(err)
			}
			if pg.Focus != i || pg.Rows[i-pg.Offset].ID != a.ID || pg.Rows[i-pg.Offset].MeetingTitle != a.MeetingTitle {
				t.Fatalf("filter %+v: focus on %s at %d, page at %d: %s", f, a.Number(), pg.Focus, pg.Offset, actionIDs(pg.Rows))
			}
		}
	}
	// A focus outside the list (closed, deleted, another body's) leaves the window where it was asked.
	for _, id := range []int64{made[2].ID, made[10].ID, 9999} {
		pg, err := s.ActionsPage(ctx, b.ID, model.ActionFilter{OpenOnly: true}, day, model.PageRequest{Offset: 3, Limit: 5, Focus: id})
		if err != nil || pg.Focus != -1 || pg.Offset != 3 {
			t.Fatalf("focus %d: %+v %v", id, pg, err)
		}
	}
}

// TestActionsPageUsesIndexes: the counts and the windows read the list's indexes, never the table and
// never a sort of every action (what keeps the screen fast with 20,000 actions).
func TestActionsPageUsesIndexes(t *testing.T) {
	s, _ := newStore(t)
	day := model.MustDate("2025-11-25")
	for _, tc := range []struct {
		f     model.ActionFilter
		index string
	}{{model.ActionFilter{}, "actions_list"}, {model.ActionFilter{OpenOnly: true}, "actions_open"},
		{model.ActionFilter{Overdue: true, Owner: "AS"}, "actions_open"}, {model.ActionFilter{DossierID: 3}, ""}} {
		where, args := actionFilterSQL(1, tc.f, day)
		for _, q := range []string{
			"SELECT count(*) FROM actions a WHERE " + where,
			"SELECT a.id FROM actions a WHERE " + where + " ORDER BY " + actionOrder + " LIMIT 10 OFFSET 5",
			"SELECT a.id FROM actions a WHERE " + where + " ORDER BY " + actionOrderDesc + " LIMIT 10 OFFSET 5",
		} {
			plan := queryPlan(t, s, q, args...)
			if strings.Contains(plan, "TEMP B-TREE") || tc.index != "" && !strings.Contains(plan, "COVERING INDEX "+tc.index) {
				t.Errorf("%+v: %s\n%s", tc.f, q, plan)
			}
		}
	}
	where, args := actionFilterSQL(1, model.ActionFilter{}, day)
	late := "SELECT count(*) FROM actions a WHERE " + where + " AND " + actionIsOpen + " AND a.due < ?"
	if plan := queryPlan(t, s, late, append(args, day.String())...); !strings.Contains(plan, "COVERING INDEX actions_open") {
		t.Errorf("late count: %s", plan)
	}
}

func queryPlan(t *testing.T, s *Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.r.Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}
