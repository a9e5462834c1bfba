// Command werkbank is the terminal workbench of the ambtelijk secretaris of a Dutch works council. Without
// a subcommand it opens the TUI; subcommands serve scripts and cron.
package main

import (
	"io"
	"os"
	_ "time/tzdata" // Windows builds need zone data for "today" in Europe/Amsterdam
)

func main() {
	os.Exit(run(os.Args[1:], env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}

// env is everything a command may touch of the outside world, so tests can run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}
