// Package e2e drives the real werkbank binary (or any Bubble Tea program)
// through a pseudo-terminal and reads the screen with a terminal emulator.
// It is the end-to-end harness that every feature adds its flow test to.
// It needs a Unix pseudo-terminal; on Windows the package is empty.
package e2e
