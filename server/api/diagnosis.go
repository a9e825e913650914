package api

import (
	"errors"
	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// PathDiagnosis is where the page reports its diagnosis, so the server can
// count outcomes it never sees: a ceremony the browser refused never reaches
// a finish.
const PathDiagnosis = ceremony.PathDiagnosis

// maxDiagnosisBody caps a diagnosis report. A real one is 1 to 4 KiB.
const maxDiagnosisBody = 16 << 10

// maxReportedCeremonies caps the tests one report may list; a page that ran
// every test a few times stays well under it.
const maxReportedCeremonies = 32

// Diagnosis handles PathDiagnosis: it decodes the page's diag.Diagnosis
// strictly, hands it to the Observer and answers 204. Nothing is stored and
// nothing of the content is logged.
func (a *API) Diagnosis() http.Handler {
	return a.serve("diagnosis", a.diagnosis)
}

func (a *API) diagnosis(w http.ResponseWriter, r *http.Request) error {
	var d diag.Diagnosis
	if err := decode(w, r, maxDiagnosisBody, &d); err != nil {
		// The decoder's message can quote the body (a field name, a
		// value), so only the code is kept for the log.
		e := *asError(err)
		e.Cause = errors.New("diagnosis: body refused")
		return &e
	}
	if len(d.Ceremonies) > maxReportedCeremonies || len(d.Findings) > len(diag.Findings()) {
		return errBadRequest(errors.New("diagnosis: too many ceremonies or findings"))
	}
	a.obs.ObserveDiagnosis(d)
	w.WriteHeader(http.StatusNoContent)
	return nil
}
