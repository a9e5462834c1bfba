//go:build unix

package e2e

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// Options describe how Start runs a program. Zero values give a 100x30
// terminal with a fresh HOME.
type Options struct {
	Cols, Rows int
	// Home is the HOME directory; the XDG directories live below it. Empty
	// means a new t.TempDir(). Pass the Home of an earlier Term to see what
	// a previous run left behind.
	Home string
	// Dir is the working directory; empty means Home.
	Dir string
	// Env entries (KEY=value) come last and so override the defaults,
	// including the XDG directories.
	Env []string
}

// Term is a program running in a pseudo-terminal, with an emulated screen.
type Term struct {
	t    testing.TB
	cmd  *exec.Cmd
	ptmx *os.File // our end of the pty
	tty  *os.File // the program's end, kept open to see unread input
	home string

	mu  sync.Mutex // guards emu: the reader writes into it, tests read it
	emu *vt.Emulator

	writeMu sync.Mutex // one writer to the pty at a time: keys or replies
	stderr  lockedBuffer

	exited   chan struct{} // closed when the program has exited
	exitCode int
	drained  chan struct{} // closed when all program output is on the screen
	replied  chan struct{} // closed when the reply copier has stopped
	closed   sync.Once
}

// Start runs bin with args in a Cols x Rows pseudo-terminal and stops it when
// the test ends.
func Start(t testing.TB, bin string, opts Options, args ...string) *Term {
	t.Helper()
	if opts.Cols <= 0 {
		opts.Cols = 100
	}
	if opts.Rows <= 0 {
		opts.Rows = 30
	}
	if opts.Home == "" {
		opts.Home = t.TempDir()
	}
	if opts.Dir == "" {
		opts.Dir = opts.Home
	}

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("e2e: open pty: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Cols: uint16(opts.Cols), Rows: uint16(opts.Rows)}); err != nil {
		t.Fatalf("e2e: size pty: %v", err)
	}

	term := &Term{
		t:       t,
		ptmx:    ptmx,
		tty:     tty,
		home:    opts.Home,
		emu:     vt.NewEmulator(opts.Cols, opts.Rows),
		exited:  make(chan struct{}),
		drained: make(chan struct{}),
		replied: make(chan struct{}),
	}

	cmd := exec.Command(bin, args...)
	cmd.Dir = opts.Dir
	cmd.Env = append(environment(opts.Home), opts.Env...)
	cmd.Stdin, cmd.Stdout = tty, tty
	// Logs and race reports must not land on the emulated screen.
	cmd.Stderr = &term.stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	// A grandchild holding stderr open must not hang Wait.
	cmd.WaitDelay = 2 * time.Second
	term.cmd = cmd
	if err := cmd.Start(); err != nil {
		_ = ptmx.Close()
		_ = tty.Close()
		t.Fatalf("e2e: start %s: %v", bin, err)
	}

	go term.readOutput()
	go term.copyReplies()
	go term.wait()
	t.Cleanup(term.Close)
	return term
}

// environment is explicit so the developer's own terminal settings cannot
// change what the program draws.
func environment(home string) []string {
	return []string{
		"TERM=xterm-256color",
		"LANG=C.UTF-8",
		"RUNEWIDTH_EASTASIAN=0",
		"HOME=" + home,
		"PATH=" + os.Getenv("PATH"),
		"XDG_DATA_HOME=" + filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME=" + filepath.Join(home, ".local", "state"),
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
	}
}

// readOutput feeds everything the program prints into the emulator. It ends
// when the pty reports EIO, after the program's end of it has closed.
func (term *Term) readOutput() {
	defer close(term.drained)
	buf := make([]byte, 32*1024)
	for {
		n, err := term.ptmx.Read(buf)
		if n > 0 {
			term.mu.Lock()
			_, _ = term.emu.Write(buf[:n])
			term.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

// copyReplies sends the emulator's answers (background colour, cursor
// position) back to the program. Bubble Tea waits 5 s for them at start, and
// the emulator blocks on its reply pipe until someone reads it, so this keeps
// reading even after writes to the pty start failing.
func (term *Term) copyReplies() {
	defer close(term.replied)
	buf := make([]byte, 4096)
	for {
		n, err := term.emu.Read(buf)
		if n > 0 {
			term.writeMu.Lock()
			_, _ = term.ptmx.Write(buf[:n])
			term.writeMu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (term *Term) wait() {
	err := term.cmd.Wait()
	term.exitCode = term.cmd.ProcessState.ExitCode()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		term.t.Logf("e2e: wait: %v", err)
	}
	// Closing our copy of the program's end lets readOutput see EIO once
	// the last output is read.
	_ = term.tty.Close()
	close(term.exited)
}

// WaitExit waits for the program to end and returns its exit code (-1 when
// a signal ended it). The screen then holds all the program's output; after
// leaving the alt screen that is the main screen again, so read the last
// frame before making the program quit.
func (term *Term) WaitExit(timeout time.Duration) int {
	term.t.Helper()
	select {
	case <-term.exited:
	case <-time.After(timeout):
		term.t.Fatalf("e2e: program still running after %v\n%s", timeout, term.dump())
	}
	select {
	case <-term.drained:
	case <-time.After(timeout):
		term.t.Fatalf("e2e: output not drained %v after exit\n%s", timeout, term.dump())
	}
	return term.exitCode
}

// Stderr returns what the program wrote to standard error so far.
func (term *Term) Stderr() string {
	return term.stderr.String()
}

// Home is the HOME directory the program runs with.
func (term *Term) Home() string {
	return term.home
}

// Close kills the program if it still runs and releases the pty. Start
// registers it with t.Cleanup; calling it earlier is fine.
func (term *Term) Close() {
	term.closed.Do(func() {
		select {
		case <-term.exited:
		default:
			_ = term.cmd.Process.Kill()
		}
		waitOrGiveUp(term.exited, DefaultTimeout)
		waitOrGiveUp(term.drained, DefaultTimeout)
		// Close the reply pipe, not the emulator: vt.Emulator.Close sets a
		// field that Read checks without a lock, which -race reports.
		_ = term.emu.InputPipe().(*io.PipeWriter).Close()
		waitOrGiveUp(term.replied, DefaultTimeout)
		_ = term.ptmx.Close()
		if term.t.Failed() {
			if s := term.Stderr(); s != "" {
				term.t.Logf("e2e: stderr of %s:\n%s", term.cmd.Path, s)
			}
		}
	})
}

func waitOrGiveUp(ch <-chan struct{}, timeout time.Duration) {
	select {
	case <-ch:
	case <-time.After(timeout):
	}
}

// lockedBuffer lets the exec copier write stderr while a test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
