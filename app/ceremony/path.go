package ceremony

// The API paths. Every endpoint takes a POST with an application/json body
// and answers application/json.
const (
	PathRegisterBegin  = "/api/ceremony/register/begin"
	PathRegisterFinish = "/api/ceremony/register/finish"
	PathLoginBegin     = "/api/ceremony/login/begin"
	PathLoginFinish    = "/api/ceremony/login/finish"
)

// Method is the HTTP method of every ceremony endpoint.
const Method = "POST"

// ContentType is the media type of every request and response body.
const ContentType = "application/json"

// PathDiagnosis is where the page reports its anonymous diagnosis once per
// visit, for the server's metrics: POST, the diag.Diagnosis JSON, 204.
const PathDiagnosis = "/api/diagnosis"
