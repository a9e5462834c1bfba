package e2e

import (
	"os"
	"syscall"
	"unsafe"
)

// inputQueued reports how many bytes written to the pty the program has not
// read yet. Waiting for zero before the next key means every key arrives in
// a read of its own, so Bubble Tea never merges two runes into one KeyMsg.
func inputQueued(tty *os.File) int {
	conn, err := tty.SyscallConn()
	if err != nil {
		return 0
	}
	var n int32
	var errno syscall.Errno
	_ = conn.Control(func(fd uintptr) {
		_, _, errno = syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&n)))
	})
	if errno != 0 {
		return 0
	}
	return int(n)
}
