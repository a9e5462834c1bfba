package main

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/werkbank-nl/werkbank/store"
	"github.com/werkbank-nl/werkbank/store/demo"
	"github.com/werkbank-nl/werkbank/tui"
)

// appStore is the concrete store as the TUI sees it, plus what the TUI may ask of other store packages.
type appStore struct {
	*store.Store
}

// LoadDemo fills the (empty) database with the demo council.
func (a appStore) LoadDemo(ctx context.Context) error {
	_, err := demo.Fill(ctx, a.Store, demo.Options{Seed: 1})
	return err
}

var _ tui.Store = appStore{}

func (c *cli) runTUI() int {
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	opt := tui.Options{ReadOnly: s.ReadOnly(), BackupDir: c.paths.Backups}
	if s.IsCoachCopy() {
		opt.Banner = coachBanner(s)
	}
	p := tea.NewProgram(tui.New(appStore{s}, opt), tea.WithAltScreen())
	// A write waiting for another werkbank process shows "even wachten" instead of failing.
	s.OnBusy(func(waiting bool) { p.Send(tui.WaitingMsg(waiting)) })
	defer s.OnBusy(nil)
	if _, err := p.Run(); err != nil {
		c.log.Error("tui failed", "err", err)
		return c.fail(fmt.Errorf("het scherm kon niet starten: %w", err))
	}
	c.log.Info("tui closed")
	return exitOK
}
