package probe

// DOMError is a failed browser call: a DOMException's name and its exact
// message, both kept for the diagnosis and the report.
type DOMError struct {
	Name    string
	Message string
}

func (e *DOMError) Error() string { return e.Name + ": " + e.Message }
