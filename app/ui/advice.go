package ui

import (
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// advice is what one test's latest run means: the engine's cause and the
// findings and steps that run adds to what the device alone shows.
type advice struct {
	Cause    string
	Findings []diag.Finding
	Steps    []diag.Step
}

// adviceFor diagnoses the device with and without the latest run of kind and
// keeps the difference, so a card speaks only of its own test.
func adviceFor(base diag.Facts, runs []diag.CeremonyFacts, kind string) advice {
	var last *diag.CeremonyFacts
	for i := len(runs) - 1; i >= 0; i-- {
		if runs[i].Kind == kind {
			last = &runs[i]
			break
		}
	}
	if last == nil {
		return advice{}
	}
	base.Ceremonies = nil
	without := diag.Diagnose(base)
	base.Ceremonies = []diag.CeremonyFacts{*last}
	with := diag.Diagnose(base)

	var a advice
	if c := with.Ceremonies[0].Cause; c != nil {
		a.Cause = string(*c)
	}
	seenFinding := map[diag.FindingCode]bool{}
	for _, f := range without.Findings {
		seenFinding[f.Code] = true
	}
	for _, f := range with.Findings {
		if !seenFinding[f.Code] && f.Code != diag.FindingAllTestsPassed {
			a.Findings = append(a.Findings, f)
		}
	}
	seenStep := map[diag.StepCode]bool{}
	for _, s := range without.Steps {
		seenStep[s.Code] = true
	}
	for _, s := range with.Steps {
		if !seenStep[s.Code] {
			a.Steps = append(a.Steps, s)
		}
	}
	return a
}
