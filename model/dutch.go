package model

import (
	"fmt"
	"time"
)

var monthNames = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december"}

var monthShort = [...]string{"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}

var dayNames = [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}

var dayShort = [...]string{"zo", "ma", "di", "wo", "do", "vr", "za"}

// MonthName is the Dutch month name in lower case ("maart").
func MonthName(m time.Month) string { return monthNames[m-1] }

// DayName is the Dutch weekday name in lower case ("dinsdag").
func DayName(w time.Weekday) string { return dayNames[w] }

// Long formats a date as in a letter: "14 maart 2025".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day(), MonthName(d.Month()), d.Year())
}

// Short formats a date for lists: "di 25 nov 2025".
func (d Date) Short() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%s %d %s %d", dayShort[d.Weekday()], d.Day(), monthShort[d.Month()-1], d.Year())
}

// Compact formats a date without the weekday: "25 nov 2025".
func (d Date) Compact() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day(), monthShort[d.Month()-1], d.Year())
}

// DayMonth formats "25 nov".
func (d Date) DayMonth() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s", d.Day(), monthShort[d.Month()-1])
}

// Weekday2 is the two-letter Dutch weekday ("di").
func (d Date) Weekday2() string { return dayShort[d.Weekday()] }

// Distance says in Dutch words how far a date is from today: "vandaag", "morgen", "3 dagen",
// "gisteren verlopen", "verlopen (4 dagen)".
func Distance(today, d Date) string {
	n := today.DaysUntil(d)
	switch {
	case n == 0:
		return "vandaag"
	case n == 1:
		return "morgen"
	case n > 1:
		return fmt.Sprintf("%d dagen", n)
	case n == -1:
		return "verlopen (1 dag)"
	default:
		return fmt.Sprintf("verlopen (%d dagen)", -n)
	}
}
