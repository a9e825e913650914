package main

import (
	"log/slog"
	"net/http"

	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/submit"
)

// reportSubmit is POST /api/report: it forwards a person's helpdesk report
// to cfg.Report.Webhook (package submit). Without a webhook it answers the
// coded report-submit-disabled.
func reportSubmit(cfg config.Config, log *slog.Logger) http.Handler {
	h, err := submit.New(submit.Options{Webhook: cfg.Report.Webhook, Logger: log})
	if err != nil {
		// Validate accepts only https webhooks, which New accepts too.
		log.Error("report submit disabled", "err", err)
		h, _ = submit.New(submit.Options{Logger: log})
	}
	return h
}
