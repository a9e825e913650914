package ceremony

// Error is the body of every failed response: a stable Code for the page and
// the engine, and a short message for people. It never carries internal
// detail.
type Error struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

// Error returns the code and the message.
func (e *Error) Error() string {
	return string(e.Code) + ": " + e.Message
}
