package guard

import (
	"bytes"
	"context"
	"log"
	"log/slog"
	"regexp"
)

// addressPattern matches IPv4 addresses and bracketed IPv6 addresses, with
// an optional port: the forms net/http writes a peer's address in.
var addressPattern = regexp.MustCompile(`\[[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(%[\w.-]+)?\](:\d+)?|\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b`)

// ErrorLog is an http.Server ErrorLog that writes to log at warn level with
// peer addresses replaced by "[address]". net/http names the peer in some
// of its own lines ("http: TLS handshake error from 203.0.113.7:51234:
// EOF"), and IP addresses are never logged.
func ErrorLog(l *slog.Logger) *log.Logger {
	return log.New(scrubber{l}, "", 0)
}

type scrubber struct{ log *slog.Logger }

func (s scrubber) Write(p []byte) (int, error) {
	msg := addressPattern.ReplaceAll(bytes.TrimRight(p, "\n"), []byte("[address]"))
	s.log.Log(context.Background(), slog.LevelWarn, string(msg))
	return len(p), nil
}

// Scrub replaces every peer address in s with "[address]".
func Scrub(s string) string { return addressPattern.ReplaceAllString(s, "[address]") }
