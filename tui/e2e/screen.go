//go:build unix

package e2e

import (
	"fmt"
	"strings"
	"time"

	"github.com/creack/pty"
)

// pollEvery is how often waits look at the screen again.
const pollEvery = 10 * time.Millisecond

// Screen returns the visible screen as plain text: one line per row, trailing
// spaces trimmed.
func (term *Term) Screen() string {
	term.mu.Lock()
	s := term.emu.String()
	term.mu.Unlock()
	return strings.TrimRight(s, "\n")
}

// Line returns row n (0 is the top) of the screen, or "" outside it.
func (term *Term) Line(n int) string {
	lines := strings.Split(term.Screen(), "\n")
	if n < 0 || n >= len(lines) {
		return ""
	}
	return lines[n]
}

// WaitForText waits until text is on the screen, and fails the test with the
// screen and stderr when it does not appear within the timeout (default
// DefaultTimeout).
func (term *Term) WaitForText(text string, timeout ...time.Duration) {
	term.t.Helper()
	if !term.poll(func(s string) bool { return strings.Contains(s, text) }, timeout) {
		term.t.Fatalf("e2e: %q not on screen after %v\n%s", text, pick(timeout), term.dump())
	}
}

// WaitForNoText waits until text is gone from the screen.
func (term *Term) WaitForNoText(text string, timeout ...time.Duration) {
	term.t.Helper()
	if !term.poll(func(s string) bool { return !strings.Contains(s, text) }, timeout) {
		term.t.Fatalf("e2e: %q still on screen after %v\n%s", text, pick(timeout), term.dump())
	}
}

// poll checks the screen until ok holds or the timeout passes. A program
// that exits gets a last look, since its final output may still be arriving.
func (term *Term) poll(ok func(screen string) bool, timeout []time.Duration) bool {
	deadline := time.Now().Add(pick(timeout))
	for {
		if ok(term.Screen()) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		select {
		case <-term.drained:
			// No more output will come; one last look and stop.
			return ok(term.Screen())
		case <-time.After(pollEvery):
		}
	}
}

func pick(timeout []time.Duration) time.Duration {
	if len(timeout) > 0 && timeout[0] > 0 {
		return timeout[0]
	}
	return DefaultTimeout
}

// Resize changes the terminal size. The emulator goes first, so the redraw
// the program makes after SIGWINCH lands on a screen of the new size.
func (term *Term) Resize(cols, rows int) {
	term.t.Helper()
	term.mu.Lock()
	term.emu.Resize(cols, rows)
	term.mu.Unlock()
	if err := pty.Setsize(term.ptmx, &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		term.t.Fatalf("e2e: resize pty: %v", err)
	}
}

// dump is the screen and stderr, framed for a failure message.
func (term *Term) dump() string {
	term.mu.Lock()
	w, h := term.emu.Width(), term.emu.Height()
	term.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "--- screen %dx%d ---\n", w, h)
	for i, line := range strings.Split(term.Screen(), "\n") {
		fmt.Fprintf(&b, "%2d|%s\n", i, line)
	}
	select {
	case <-term.exited:
		fmt.Fprintf(&b, "--- exited with code %d ---\n", term.exitCode)
	default:
	}
	fmt.Fprintf(&b, "--- stderr ---\n%s", term.Stderr())
	return b.String()
}
