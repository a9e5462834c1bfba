//go:build unix && !linux

package e2e

import "os"

// canSyncKeys is false here: SendKeys then relies on its settle pause alone,
// and fast keys may merge into one KeyMsg.
const canSyncKeys = false

func inputQueued(*os.File) int { return 0 }
