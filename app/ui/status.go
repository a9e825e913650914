package ui

// status is where a long-running action stands. It is rendered as data-state
// so tests and embedding pages can wait on it.
type status string

const (
	idle    status = "idle"
	running status = "running"
	done    status = "done"
)
