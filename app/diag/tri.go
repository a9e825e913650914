package diag

import (
	"encoding/json"
	"fmt"
)

// Tri is a three-valued answer: yes, no or unknown. The zero value is
// unknown. In Facts it accepts JSON true/false, "yes"/"no"/"unknown" or null,
// because the browser may not say; in a Diagnosis it is always a string.
type Tri string

// The three values of Tri.
const (
	Unknown Tri = "unknown"
	Yes     Tri = "yes"
	No      Tri = "no"
)

// triOf turns a boolean into Yes or No.
func triOf(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

// Is reports whether t is the given definite value; unknown is never.
func (t Tri) Is(v Tri) bool { return t.norm() == v }

func (t Tri) norm() Tri {
	if t == "" {
		return Unknown
	}
	return t
}

// MarshalJSON writes yes, no or unknown.
func (t Tri) MarshalJSON() ([]byte, error) {
	return json.Marshal(string(t.norm()))
}

// UnmarshalJSON accepts true, false, null, "yes", "no" and "unknown".
func (t *Tri) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case "true":
		*t = Yes
		return nil
	case "false":
		*t = No
		return nil
	case "null":
		*t = Unknown
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want true, false, \"yes\", \"no\" or \"unknown\", got %s", clip(string(b)))
	}
	switch Tri(s) {
	case Yes, No, Unknown:
		*t = Tri(s)
		return nil
	case "":
		*t = Unknown
		return nil
	}
	return fmt.Errorf("want true, false, \"yes\", \"no\" or \"unknown\", got %q", clip(s))
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 40
	if len(s) > max {
		return s[:max] + "..."
	}
	return s
}
