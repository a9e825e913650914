package api

import (
	"context"
	"net/http"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/app/diag"
)

// Observer hears what the API answered, for metrics (server/metrics
// implements it). It is told enums and codes only, never tokens, client data
// or addresses. Calls come from many requests at once and must not block.
type Observer interface {
	// ObserveCeremony is called once per ceremony request the handler
	// itself answered (not for a wrong method).
	ObserveCeremony(Observation)
	// ObserveDiagnosis is called with each diagnosis the page reports to
	// PathDiagnosis.
	ObserveDiagnosis(diag.Diagnosis)
}

// The ceremony steps an Observation names; they are also the handler names
// in log lines.
const (
	StepRegisterBegin  = "register-begin"
	StepRegisterFinish = "register-finish"
	StepLoginBegin     = "login-begin"
	StepLoginFinish    = "login-finish"
)

// Observation is the result of one ceremony request.
type Observation struct {
	// Step is one of the Step constants.
	Step string
	// Kind is the test, as the request or its session token named it; ""
	// when the request failed before naming one. It is not validated.
	Kind ceremony.Kind
	// Outcome is diag.OutcomeOK or diag.OutcomeFailed.
	Outcome string
	// Code is the error code of a failed request; "" when it worked.
	Code ceremony.Code
	// Duration is how long the handler took, from the request's headers to
	// its answer: reading the body and waiting for a turn to verify count.
	Duration time.Duration
}

// nopObserver is the Observer of an API built without one.
type nopObserver struct{}

func (nopObserver) ObserveCeremony(Observation)     {}
func (nopObserver) ObserveDiagnosis(diag.Diagnosis) {}

type observationKey struct{}

// observed wraps a ceremony handler so the Observer hears its result. The
// handler names the test with noteKind once it knows it.
func (a *API) observed(step string, h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		start := time.Now()
		o := &Observation{Step: step, Outcome: diag.OutcomeOK}
		err := h(w, r.WithContext(context.WithValue(r.Context(), observationKey{}, o)))
		if err != nil {
			o.Outcome, o.Code = diag.OutcomeFailed, asError(err).Code
		}
		o.Duration = time.Since(start)
		a.obs.ObserveCeremony(*o)
		return err
	}
}

// noteKind records the test a ceremony request belongs to.
func noteKind(ctx context.Context, k ceremony.Kind) {
	if o, ok := ctx.Value(observationKey{}).(*Observation); ok {
		o.Kind = k
	}
}
