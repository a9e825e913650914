package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/ui"
	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/metrics"
	"github.com/passkey-doctor/passkey-doctor/server/site"
	"github.com/passkey-doctor/passkey-doctor/web"
)

// shutdownGrace is how long in-flight requests get to finish on SIGTERM.
const shutdownGrace = 20 * time.Second

// runServe is the serve subcommand: the page, its assets and the API on one
// listener until ctx is cancelled (SIGINT/SIGTERM).
func runServe(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	configPath := fs.String("config", os.Getenv("PASSKEY_DOCTOR_CONFIG"), "YAML configuration file (env PASSKEY_DOCTOR_CONFIG; default: the embedded defaults)")
	addr := fs.String("addr", "", "listen address (env PASSKEY_DOCTOR_ADDR; default :8080)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(*configPath, os.Getenv)
	if err != nil {
		return err
	}
	if *addr != "" {
		cfg.Server.Addr = *addr
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	log := newLogger(cfg.Server.LogFormat, stderr)

	handler, err := newHandler(cfg, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := newHTTPServer(handler, log)
	log.Info("serving", "addr", ln.Addr().String())
	return serveUntilDone(ctx, srv, ln, log)
}

// newHTTPServer bounds how long a client may take and how much header it
// may send. There is no WriteTimeout-free path: app.wasm is a few MB, so the
// write timeout is generous enough for a slow phone link.
func newHTTPServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// serveUntilDone serves until ctx ends, then drains in-flight requests.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// newLogger logs text for people or JSON for log pipelines. Request logs
// never carry IP addresses, tokens or client data.
func newLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// newHandler builds the whole server from its configuration: page, assets,
// API and routes.
func newHandler(cfg config.Config, log *slog.Logger) (http.Handler, error) {
	page := pageConfig(cfg)
	ui.Routes(page)
	s, err := site.New(web.FS, site.Options{
		Name:        "Passkey Doctor",
		ShortName:   "Passkey Doctor",
		Description: "Finds out why passkey, PIN or security-key sign-in fails on this device and shows how to fix it.",
		ThemeColor:  "#1d4ed8",
		Env:         page.Env(),
	})
	if err != nil {
		return nil, err
	}
	ac, err := apiConfig(cfg)
	if err != nil {
		return nil, err
	}
	m, err := metrics.New()
	if err != nil {
		return nil, err
	}
	a, err := api.New(ac, api.Deps{Logger: log, Observer: m})
	if err != nil {
		return nil, err
	}
	return routes(s, a, m, cfg), nil
}

// pageConfig is the public part of cfg that the page tailors itself by.
func pageConfig(cfg config.Config) ui.Config {
	return ui.Config{
		Organization: cfg.Organization.Name,
		Policy: diag.Policy{
			IdentityProvider: cfg.IdentityProvider,
			PasswordAllowed:  diag.Tri(cfg.Policy.PasswordAllowed),
			Links:            diag.Links{SecurityInfo: cfg.SecurityInfoURL(), Helpdesk: cfg.Links.Helpdesk},
		},
		HelpdeskEmail: cfg.Helpdesk.Email,
		HelpdeskPhone: cfg.Helpdesk.Phone,
		Languages:     cfg.Languages,
		EmbedOrigins:  cfg.Embedding.AllowedOrigins,
		ReportSubmit:  cfg.Report.Webhook != "",
	}
}
