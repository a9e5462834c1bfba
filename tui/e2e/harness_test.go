//go:build unix

package e2e

import (
	"strings"
	"testing"
	"time"
)

func startHello(t *testing.T, opts Options) *Term {
	t.Helper()
	return Start(t, Build(t, "./testdata/hello"), opts)
}

func TestFirstFrameArrivesBeforeQueryTimeout(t *testing.T) {
	bin := Build(t, "./testdata/hello") // not part of the timing
	begin := time.Now()
	term := Start(t, bin, Options{})
	// Bubble Tea waits 5 s for terminal replies; a frame well before that
	// proves the emulator's replies reach the program.
	term.WaitForText("Grootte: 100x30", 3*time.Second)
	t.Logf("first frame after %v", time.Since(begin))
}

func TestKeysResizeAndQuit(t *testing.T) {
	term := startHello(t, Options{})
	term.WaitForText("Grootte: 100x30")

	term.SendKeys("j", "j", "j", "k")
	term.WaitForText("Teller: 2")
	term.Type("jjjj")
	term.WaitForText("Teller: 6")
	// Eight keys, eight messages: no two runes were read together.
	term.WaitForText("Toetsberichten: 8")

	term.Resize(80, 24)
	term.WaitForText("Grootte: 80x24")
	term.WaitForNoText("100x30")

	if got := term.Line(0); got != "Hallo wereld" {
		t.Errorf("line 0 = %q, want %q", got, "Hallo wereld")
	}
	term.SendKeys("q")
	if code := term.WaitExit(DefaultTimeout); code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, term.Stderr())
	}
	// Stderr went to a buffer, not onto the screen.
	if !strings.Contains(term.Stderr(), "hello: bye") {
		t.Errorf("stderr = %q, want it to hold the goodbye", term.Stderr())
	}
	if strings.Contains(term.Screen(), "hello: bye") {
		t.Errorf("stderr leaked onto the screen:\n%s", term.Screen())
	}
}

func TestExitCode(t *testing.T) {
	term := startHello(t, Options{Cols: 60, Rows: 20})
	term.WaitForText("Grootte: 60x20")
	term.SendKeys("x")
	if code := term.WaitExit(DefaultTimeout); code != 3 {
		t.Fatalf("exit code %d, want 3; stderr:\n%s", code, term.Stderr())
	}
}

func TestSendRawIsOneRead(t *testing.T) {
	term := startHello(t, Options{})
	term.WaitForText("Hallo wereld")
	// A paste: Bubble Tea sees the three runes as one key message.
	term.SendRaw("jjj")
	term.WaitForText("Teller: 3")
	term.WaitForText("Toetsberichten: 1")
}

func TestDiacriticsAndBorders(t *testing.T) {
	term := startHello(t, Options{})
	term.WaitForText("één ideeën")
	screen := term.Screen()
	for _, want := range []string{"╭", "╮", "╰", "╯", "│ één ideeën │"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	// The box is drawn in cells: its top edge is as wide as the text line.
	lines := strings.Split(screen, "\n")
	top, mid := lines[3], lines[4]
	if len([]rune(top)) != len([]rune(mid)) {
		t.Errorf("box edges differ in width:\n%s\n%s", top, mid)
	}
}

func TestCloseKillsRunningProgram(t *testing.T) {
	term := startHello(t, Options{})
	term.WaitForText("Hallo wereld")
	term.Close()
	if code := term.WaitExit(DefaultTimeout); code != -1 {
		t.Fatalf("exit code %d, want -1 (killed)", code)
	}
}

func TestEnvironment(t *testing.T) {
	home := t.TempDir()
	term := startHello(t, Options{Home: home, Env: []string{"WERKBANK_TEST=1"}})
	if term.Home() != home {
		t.Errorf("Home() = %q, want %q", term.Home(), home)
	}
	env := strings.Join(term.cmd.Env, "\n")
	for _, want := range []string{"HOME=" + home, "XDG_DATA_HOME=" + home + "/.local/share", "TERM=xterm-256color", "WERKBANK_TEST=1"} {
		if !strings.Contains(env, want) {
			t.Errorf("environment lacks %q:\n%s", want, env)
		}
	}
}

func TestKeySeq(t *testing.T) {
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"enter", "\r", true},
		{"shift+tab", "\x1b[Z", true},
		{"ctrl+c", "\x03", true},
		{"ctrl+z", "\x1a", true},
		{"alt+x", "\x1bx", true},
		{"alt+enter", "\x1b\r", true},
		{"q", "", false},
		{"één", "", false},
	}
	for _, tt := range tests {
		got, ok := keySeq(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("keySeq(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
