package ceremony

// PathReport is where the page submits a helpdesk report; the server
// forwards it to the configured webhook and stores nothing.
const PathReport = "/api/report"

// ReportSubmitRequest is the body of PathReport: the report code (see
// app/report), which carries everything the report holds.
type ReportSubmitRequest struct {
	Code string `json:"code"`
}

// ReportSubmitResponse answers PathReport.
type ReportSubmitResponse struct {
	Forwarded bool `json:"forwarded"`
}
