package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/passkey-doctor/passkey-doctor/app/ui"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/guard"
	"github.com/passkey-doctor/passkey-doctor/server/site"
	"github.com/passkey-doctor/passkey-doctor/web"
)

// runStatic is the static subcommand: the whole site as files for a static
// host or CDN. The page finds no ceremony API there and runs its tests
// locally, saying that no server verified the signature.
func runStatic(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", envOr("STATIC_DIR", "bin/static"), "directory to write the site into (env STATIC_DIR)")
	configPath := fs.String("config", os.Getenv("PASSKEY_DOCTOR_CONFIG"), "YAML configuration file for the page's organisation, links and languages (env PASSKEY_DOCTOR_CONFIG)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config.Load(*configPath, os.Getenv)
	if err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	if err := exportSite(cfg, *out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "static site written to %s\n", *out)
	return nil
}

// exportSite writes the page tailored by cfg into dir, marked static so it
// tells people there is no server.
func exportSite(cfg config.Config, dir string) error {
	page := pageConfig(cfg)
	ui.Routes(page)
	env := page.Env()
	env[ui.StaticEnv] = "1"
	s, err := site.New(web.FS, site.Options{Env: env, StaticHeaders: guard.SecurityHeaders(cfg.Embedding.AllowedOrigins)})
	if err != nil {
		return err
	}
	return s.Export(dir, ui.AgentPath)
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
