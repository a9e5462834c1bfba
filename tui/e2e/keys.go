//go:build unix

package e2e

import (
	"time"
)

// settle is the pause after each key, so the program can act on it before
// the next one arrives.
const settle = 5 * time.Millisecond

// keyReadTimeout bounds how long a key waits for the program to read it.
const keyReadTimeout = DefaultTimeout / 5

// keySeqs are the bytes an xterm sends for named keys.
var keySeqs = map[string]string{
	"enter":     "\r",
	"esc":       "\x1b",
	"tab":       "\t",
	"shift+tab": "\x1b[Z",
	"backspace": "\x7f",
	"space":     " ",
	"delete":    "\x1b[3~",
	"up":        "\x1b[A",
	"down":      "\x1b[B",
	"right":     "\x1b[C",
	"left":      "\x1b[D",
	"home":      "\x1b[H",
	"end":       "\x1b[F",
	"pgup":      "\x1b[5~",
	"pgdn":      "\x1b[6~",
	"f1":        "\x1bOP",
	"f2":        "\x1bOQ",
	"f3":        "\x1bOR",
	"f4":        "\x1bOS",
	"f5":        "\x1b[15~",
	"f6":        "\x1b[17~",
	"f7":        "\x1b[18~",
	"f8":        "\x1b[19~",
	"f9":        "\x1b[20~",
	"f10":       "\x1b[21~",
	"f11":       "\x1b[23~",
	"f12":       "\x1b[24~",
}

// keySeq returns the bytes for a key name: a name from keySeqs, "ctrl+a"
// to "ctrl+z", or "alt+" followed by another key. ok is false for
// anything else, which SendKeys types as text.
func keySeq(name string) (seq string, ok bool) {
	if s, ok := keySeqs[name]; ok {
		return s, true
	}
	if len(name) == 6 && name[:5] == "ctrl+" && name[5] >= 'a' && name[5] <= 'z' {
		return string(rune(name[5] - 'a' + 1)), true
	}
	if len(name) > 4 && name[:4] == "alt+" {
		if s, ok := keySeq(name[4:]); ok {
			return "\x1b" + s, true
		}
		if r := []rune(name[4:]); len(r) == 1 {
			return "\x1b" + string(r), true
		}
	}
	return "", false
}

// SendKeys presses keys one at a time. Each argument is a key name ("enter",
// "esc", "tab", "shift+tab", "up", "pgdn", "home", "f1", "ctrl+c", "alt+x",
// "space", "backspace", ...) or else literal text, sent one rune at a time.
// Wait for the first frame before sending keys.
func (term *Term) SendKeys(keys ...string) {
	term.t.Helper()
	for _, k := range keys {
		if seq, ok := keySeq(k); ok {
			term.press(seq)
			continue
		}
		for _, r := range k {
			term.press(string(r))
		}
	}
}

// Type types text one rune per write, like a person would.
func (term *Term) Type(text string) {
	term.t.Helper()
	for _, r := range text {
		term.press(string(r))
	}
}

// SendRaw writes s to the terminal in one write and does not wait for the
// program to read it, as in a paste.
func (term *Term) SendRaw(s string) {
	term.t.Helper()
	term.write(s)
}

// press writes one key and waits until the program has read it. Bubble Tea
// v1 turns everything one read returns into one message, so two letters
// read together become a single KeyMsg with two runes; waiting for the read
// keeps every key in a read of its own, also on a loaded machine.
func (term *Term) press(seq string) {
	term.t.Helper()
	term.write(seq)
	if canSyncKeys {
		term.waitRead()
	}
	time.Sleep(settle)
}

func (term *Term) write(s string) {
	term.t.Helper()
	term.writeMu.Lock()
	_, err := term.ptmx.Write([]byte(s))
	term.writeMu.Unlock()
	if err != nil {
		term.t.Fatalf("e2e: write %q: %v\n%s", s, err, term.dump())
	}
}

// waitRead waits until the program (or a child it runs, such as an editor)
// has read all input. A program that does not read, because it is busy,
// costs keyReadTimeout, after which the key counts as read.
func (term *Term) waitRead() {
	deadline := time.Now().Add(keyReadTimeout)
	for inputQueued(term.tty) > 0 && time.Now().Before(deadline) {
		select {
		case <-term.exited:
			return
		case <-time.After(500 * time.Microsecond):
		}
	}
}
