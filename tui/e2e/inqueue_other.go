//go:build !linux

package e2e

import "os"

// inputQueued cannot ask the tty elsewhere; SendKeys then relies on its
// settle pause alone.
func inputQueued(*os.File) int { return 0 }
