package e2e

import (
	"os"

	"golang.org/x/sys/unix"
)

// canSyncKeys says whether this platform lets SendKeys see that the program
// has read a key.
const canSyncKeys = true

// inputQueued reports how many bytes the program's end of the pty (tty)
// holds unread. Bytes written to our end reach that queue later, through a
// kernel worker, so a plain TIOCINQ right after a write can say 0 for a key
// nobody has read yet. Polling the tty first waits for that worker (Linux
// n_tty_poll flushes pending input when none is available), which makes the
// count exact. In canonical mode, before the program switches to raw mode,
// the count stays 0 until a line is complete.
func inputQueued(tty *os.File) int {
	conn, err := tty.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	_ = conn.Control(func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		_, _ = unix.Poll(fds, 0)
		n, err = unix.IoctlGetInt(int(fd), unix.TIOCINQ)
	})
	if err != nil {
		return 0
	}
	return n
}
