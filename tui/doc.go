// Package tui is werkbank's terminal interface: a root model that only routes (app.go), shared pieces in
// common and styles, and one package per view. tui never imports the store: each view declares the small
// interface it needs and cmd/werkbank hands the concrete store in.
package tui
