//go:build unix

package main

import (
	"context"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
	"github.com/werkbank-nl/werkbank/tui"
)

// drain runs cmd and every command its messages lead to, synchronously, as the Bubble Tea loop would.
// A command that does not return within wait (a tick for a timed status) is left out.
func drain(m tea.Model, cmd tea.Cmd, wait time.Duration) tea.Model {
	m, _ = drainTimed(m, cmd, wait)
	return m
}

// drainTimed is drain that also returns how long it waited for commands it then left out: a timer
// the real loop would run in the background, which a measurement must not count.
func drainTimed(m tea.Model, cmd tea.Cmd, wait time.Duration) (tea.Model, time.Duration) {
	var idle time.Duration
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0 && n < 200; n++ {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		ch := make(chan tea.Msg, 1)
		go func() { ch <- c() }()
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(wait):
			idle += wait
			continue
		}
		if msg == nil {
			continue
		}
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() { // tea.Sequence
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		var next tea.Cmd
		m, next = m.Update(msg)
		queue = append(queue, next)
	}
	return m, idle
}

func key(s string) tea.KeyMsg {
	switch s {
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func largeApp(b *testing.B) (tea.Model, *store.Store) {
	path, err := demo.EnsureLarge(context.Background(), !testing.Short(), b.Logf)
	if err != nil {
		b.Skip(err.Error())
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC) }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	now := func() time.Time { return time.Date(2025, 11, 25, 9, 0, 0, 0, time.Local) }
	var m tea.Model = tui.New(appStore{s}, tui.Options{Now: now})
	m = drain(m, m.Init(), 200*time.Millisecond)
	m, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return m, s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func report(b *testing.B, name string, ts []time.Duration) {
	slices.Sort(ts)
	b.ReportMetric(ms(ts[len(ts)/2]), name+"-p50-ms")
	b.ReportMetric(ms(ts[min(len(ts)*95/100, len(ts)-1)]), name+"-p95-ms")
}

// BenchmarkScreens opens each tab of the real app on the large council and reports: open (key, load
// commands and their queries, first View; target 10 ms for the query), view (View() alone; target 5 ms),
// key (a move down in the list handled and rendered; target 16 ms), end (G: the last window of a paged
// list read and rendered) and filter (a filter key that re-queries, handled and rendered). The commands a
// key leads to run synchronously here, queries included, so key, end and filter are the time until the
// screen shows the answer, not only until the key is taken.
func BenchmarkScreens(b *testing.B) {
	m, _ := largeApp(b)
	press := func(k string) time.Duration {
		t0 := time.Now()
		next, cmd := m.Update(key(k))
		var idle time.Duration
		m, idle = drainTimed(next, cmd, 50*time.Millisecond)
		_ = m.View()
		return time.Since(t0) - idle
	}
	for _, tab := range []struct{ key, name, filter string }{{"1", "overzicht", ""}, {"2", "agenda", ""}, {"3", "acties", "v"},
		{"4", "archief", ""}, {"5", "brieven", ""}, {"6", "dossiers", "f"}} {
		b.Run(tab.name, func(b *testing.B) {
			var open, view, move, end, filter []time.Duration
			for b.Loop() {
				open = append(open, press(tab.key))
				t0 := time.Now()
				_ = m.View()
				view = append(view, time.Since(t0))
				move = append(move, press("down"))
				if tab.name != "overzicht" {
					end = append(end, press("G"))
					press("g")
				}
				if tab.filter != "" {
					filter = append(filter, press(tab.filter))
				}
				press("1") // leave, so the next open is a real switch
			}
			report(b, "open", open)
			report(b, "view", view)
			report(b, "key", move)
			if len(end) > 0 {
				report(b, "end", end)
			}
			if len(filter) > 0 {
				report(b, "filter", filter)
			}
		})
	}
}

// BenchmarkSearchKeys types a query into the Archief's search box key by key on the large council and
// reports key (the key handled and the screen rendered with it, as the Bubble Tea loop does before the
// search answers; target 16 ms) and hits (until the search's hits are rendered too; the search's own
// targets are BenchmarkSearch's).
func BenchmarkSearchKeys(b *testing.B) {
	m, _ := largeApp(b)
	step := func(k string) {
		next, cmd := m.Update(key(k))
		m = drain(next, cmd, 200*time.Millisecond)
	}
	step("4")
	var keys, hits []time.Duration
	for b.Loop() {
		step("/")
		for _, r := range "werkdruk" {
			t0 := time.Now()
			next, cmd := m.Update(key(string(r)))
			_ = next.View()
			keys = append(keys, time.Since(t0))
			var idle time.Duration
			m, idle = drainTimed(next, cmd, 200*time.Millisecond)
			_ = m.View()
			hits = append(hits, time.Since(t0)-idle)
		}
		step("esc")
	}
	report(b, "key", keys)
	report(b, "hits", hits)
}

// BenchmarkMemory visits every view of the app on the large council and reports the process's
// resident set afterwards (target: under 100 MB).
func BenchmarkMemory(b *testing.B) {
	m, _ := largeApp(b)
	for b.Loop() {
		for _, k := range []string{"2", "3", "4", "5", "6", ",", "esc", "1"} {
			next, cmd := m.Update(key(k))
			m = drain(next, cmd, 50*time.Millisecond)
			_ = m.View()
		}
	}
	b.ReportMetric(float64(rssKB())/1024, "rss-MB")
}

// rssKB reads VmRSS from /proc (Linux); 0 elsewhere.
func rssKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}
