package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/diag"
	"github.com/passkey-doctor/passkey-doctor/app/ui"
	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
	"github.com/passkey-doctor/passkey-doctor/server/hints"
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
	tlsCert := fs.String("tls-cert", "", "PEM certificate (chain) file; with --tls-key serves HTTPS (config server.tlsCert)")
	tlsKey := fs.String("tls-key", "", "PEM private key file for --tls-cert (config server.tlsKey)")
	drainDelay := fs.Duration("drain-delay", 0, "on SIGTERM, answer /healthz 503 for this long before closing the listener (e.g. 5s behind a load balancer)")
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
	if *tlsCert != "" || *tlsKey != "" {
		cfg.Server.TLSCert, cfg.Server.TLSKey = *tlsCert, *tlsKey
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	log := newLogger(cfg.Server.LogFormat, stderr)

	hz := &health{}
	handler, err := buildHandler(cfg, handlerDeps{log: log, health: hz, verifiers: spareProc()})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Server.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := newHTTPServer(handler, log)
	if cfg.Server.TLSCert != "" {
		if srv.TLSConfig, err = tlsConfig(cfg.Server.TLSCert, cfg.Server.TLSKey); err != nil {
			return err
		}
	}
	log.Info("serving", "addr", ln.Addr().String(), "tls", srv.TLSConfig != nil)
	return serveAndDrain(ctx, srv, ln, log, drain{health: hz, delay: *drainDelay})
}

// spareProc gives the Go runtime one P more than the CPUs it would use
// (GOMAXPROCS, or the container's CPU limit) and returns that CPU count:
// how many finishes verify at once (api.Config.Verifiers). While every
// verifier is busy, the spare P keeps reading new requests, so they join
// the verification queue in arrival order instead of waiting unseen behind
// a verification. Measured with make bench at 64 connections on 2 CPUs:
// the queue alone or the spare P alone leaves login-finish p99 at 25–30
// ms; both together bring it to 15–16 ms at the same throughput. Setting
// GOMAXPROCS stops the runtime following a CPU limit that changes while
// the server runs; a restart picks the new limit up.
func spareProc() int {
	n := runtime.GOMAXPROCS(0)
	runtime.GOMAXPROCS(n + 1)
	return n
}

// tlsConfig loads the certificate and key once, at start, so a bad file
// stops the server instead of failing every handshake. TLS 1.2 is the
// floor every browser that has WebAuthn supports.
func tlsConfig(certFile, keyFile string) (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(certFile, keyFile)
	if err != nil {
		return nil, fmt.Errorf("load TLS certificate: %w", err)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}, nil
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
		ErrorLog:          guard.ErrorLog(log),
	}
}

// serveUntilDone serves until ctx ends, then drains in-flight requests.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger) error {
	return serveAndDrain(ctx, srv, ln, log, drain{})
}

// drain is what happens between SIGTERM and closing the listener.
type drain struct {
	// health turns /healthz to 503 "draining" first; nil skips it.
	health *health
	// delay keeps serving new requests, with readiness off, so a load
	// balancer notices before connections are refused.
	delay time.Duration
}

// serveAndDrain serves (HTTPS when srv.TLSConfig is set) until ctx ends,
// then turns readiness off, waits d.delay and drains in-flight requests.
func serveAndDrain(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger, d drain) error {
	errc := make(chan error, 1)
	go func() {
		if srv.TLSConfig != nil {
			errc <- srv.ServeTLS(ln, "", "")
			return
		}
		errc <- srv.Serve(ln)
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "drainDelay", d.delay.String())
	if d.health != nil {
		d.health.drain()
	}
	if d.delay > 0 {
		time.Sleep(d.delay)
	}
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
	return buildHandler(cfg, handlerDeps{log: log})
}

// handlerDeps are what buildHandler uses besides the configuration.
type handlerDeps struct {
	log *slog.Logger
	// now is the clock of the tokens and the rate limiter; nil: time.Now.
	now func() time.Time
	// health is the readiness state serveAndDrain turns off; nil: a fresh one.
	health *health
	// verifiers is api.Config.Verifiers; 0: one per P.
	verifiers int
}

// buildHandler is newHandler with its dependencies spelled out.
func buildHandler(cfg config.Config, d handlerDeps) (http.Handler, error) {
	log := d.log
	page := pageConfig(cfg)
	ui.Routes(page)
	s, err := site.New(web.FS, site.Options{
		Name:        "Passkey Doctor",
		ShortName:   "Passkey Doctor",
		Description: "Finds out why passkey, PIN or security-key sign-in fails on this device and shows how to fix it.",
		ThemeColor:  "#1d4ed8",
		Env:         page.Env(),
		FirstVerdict: func(r *http.Request) string {
			return ui.FirstVerdict(page, r.URL.Query().Get("lang"), acceptLanguages(r), hints.Facts(r.Header))
		},
		PageHeaders: http.Header{
			"Accept-Ch":   {hints.AcceptCH},
			"Critical-Ch": {hints.CriticalCH},
			"Vary":        {hints.Vary},
		},
	})
	if err != nil {
		return nil, err
	}
	ac, err := apiConfig(cfg)
	if err != nil {
		return nil, err
	}
	ac.Verifiers = d.verifiers
	m, err := metrics.New()
	if err != nil {
		return nil, err
	}
	a, err := api.New(ac, api.Deps{Logger: log, Observer: m, Now: d.now})
	if err != nil {
		return nil, err
	}
	g, err := newGuards(cfg, log, d.health, d.now)
	if err != nil {
		return nil, err
	}
	return routes(s, a, m, cfg, g), nil
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
