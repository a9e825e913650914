// Package submit is the server side of "Send to IT": POST /api/report takes
// a helpdesk report from the page, checks it strictly and forwards it to
// the webhook in the configuration (report.webhook). It stores nothing and
// logs nothing of the report's content; a failed forward is not retried or
// queued — the person still has the code, the copy, the download and the
// e-mail.
//
// Request (Content-Type: application/json, at most MaxBody bytes), exactly
// one of:
//
//	{"code": "PD1-…"}          a report code (app/report.Encode)
//	{"report": {"v": 1, …}}    a report as JSON (the .json download)
//
// Answers, always with Cache-Control: no-store:
//
//	200 {"forwarded": true}
//	404 {"code": "report-submit-disabled", …}  no webhook is configured
//	400 bad-request, 413 body-too-large, 415 unsupported-media-type,
//	405 method-not-allowed                    the request itself is wrong
//	422 {"code": "report-invalid", …}         the report does not decode
//	503 overloaded                            too many forwards in flight
//	502 {"code": "report-forward-failed", …}  the webhook failed or timed out
//
// A disabled submit is a 404 with its own code rather than a 503: it is how
// this server is configured, not a passing failure, and the page (which
// also learns it from ui.Config.ReportSubmit) should hide the button, not
// retry. The error bodies are app/ceremony's Error, as the ceremony API's.
//
// The webhook receives one POST of Payload as JSON with a short timeout;
// redirects are never followed (a 3xx counts as a failure), so a webhook
// cannot send the report on to another host.
package submit
