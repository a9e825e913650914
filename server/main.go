// Command passkey-doctor serves the Passkey Doctor page and its ceremony API,
// and carries the helpdesk's command-line tools.
//
// Usage:
//
//	passkey-doctor [serve] [--addr :8080] [--config file.yaml]
//	passkey-doctor diagnose [--format json|text] [--report CODE]
//	passkey-doctor static [--out bin/static] [--config file.yaml]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "passkey-doctor:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand; serve is the default.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(ctx, args, stderr)
	case "diagnose":
		return runDiagnose(args, stdin, stdout, stderr)
	case "static":
		return runStatic(args, stderr)
	default:
		return fmt.Errorf("unknown command %q (want serve, diagnose or static)", cmd)
	}
}
