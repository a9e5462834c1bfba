package model

import (
	"slices"
	"testing"
)

func TestPageRequestStart(t *testing.T) {
	for _, tc := range []struct {
		name         string
		p            PageRequest
		total, focus int
		want         int
	}{
		{"first page", PageRequest{Limit: 10}, 100, -1, 0},
		{"middle", PageRequest{Offset: 40, Limit: 10}, 100, -1, 40},
		{"past the end: a full last page", PageRequest{Offset: 95, Limit: 10}, 100, -1, 90},
		{"far past the end", PageRequest{Offset: 5000, Limit: 10}, 100, -1, 90},
		{"negative", PageRequest{Offset: -3, Limit: 10}, 100, -1, 0},
		{"list shorter than a page", PageRequest{Offset: 7, Limit: 10}, 4, -1, 0},
		{"empty list", PageRequest{Offset: 7, Limit: 10}, 0, -1, 0},
		{"focus centred", PageRequest{Offset: 0, Limit: 10}, 100, 50, 45},
		{"focus near the start", PageRequest{Offset: 60, Limit: 10}, 100, 2, 0},
		{"focus near the end", PageRequest{Offset: 0, Limit: 10}, 100, 98, 90},
		{"default limit", PageRequest{Offset: 0}, 1000, 500, 450},
		{"limit capped", PageRequest{Limit: 5000}, 3000, 2000, 1500},
	} {
		if got := tc.p.Start(tc.total, tc.focus); got != tc.want {
			t.Errorf("%s: Start(%d, %d) = %d, want %d", tc.name, tc.total, tc.focus, got, tc.want)
		}
	}
}

func TestPageRequestSize(t *testing.T) {
	for _, tc := range []struct{ limit, want int }{{0, DefaultPageLimit}, {-1, DefaultPageLimit}, {1, 1}, {250, 250},
		{MaxPageLimit + 1, MaxPageLimit}} {
		if got := (PageRequest{Limit: tc.limit}).Size(); got != tc.want {
			t.Errorf("Size with limit %d = %d, want %d", tc.limit, got, tc.want)
		}
	}
}

// TestCutConcatenates: walking a list page by page gives back the list, each row once.
func TestCutConcatenates(t *testing.T) {
	list := make([]int, 23)
	for i := range list {
		list[i] = i
	}
	var got []int
	for off := 0; off < len(list); off += 5 {
		pg := Cut(list, PageRequest{Offset: off, Limit: 5}, -1)
		if pg.Offset != min(off, len(list)-5) || pg.Total != len(list) {
			t.Fatalf("offset %d: page %+v", off, pg)
		}
		got = append(got, pg.Rows[off-pg.Offset:]...)
	}
	if !slices.Equal(got, list) {
		t.Fatalf("pages give %v", got)
	}
	if pg := Cut(list, PageRequest{Limit: 4, Focus: 1}, 20); pg.Offset != 18 || !slices.Equal(pg.Rows, []int{18, 19, 20, 21}) {
		t.Fatalf("focus 20: %+v", pg)
	}
	if pg := Cut([]int{}, PageRequest{Limit: 4}, -1); len(pg.Rows) != 0 || pg.Total != 0 {
		t.Fatalf("empty list: %+v", pg)
	}
}
