package probe

import (
	"context"
	"errors"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

// Fallback is the server's API with LocalAPI standing in whenever the
// server does not answer (offline, or a static host with no API). A
// ceremony stays with whoever began it: a local session finishes locally,
// and a sign-in with test passkeys made locally runs locally, because the
// server cannot open their tokens.
type Fallback struct {
	Server API
	Local  API
}

// RegisterBegin asks the server, or begins locally when it is unreachable.
func (f Fallback) RegisterBegin(ctx context.Context, req ceremony.RegisterBeginRequest) (ceremony.RegisterBeginResponse, error) {
	resp, err := f.Server.RegisterBegin(ctx, req)
	if errors.Is(err, ErrUnreachable) {
		return f.Local.RegisterBegin(ctx, req)
	}
	return resp, err
}

// RegisterFinish finishes where the ceremony began.
func (f Fallback) RegisterFinish(ctx context.Context, req ceremony.RegisterFinishRequest) (ceremony.FinishResponse, error) {
	if IsLocalToken(req.Session) {
		return f.Local.RegisterFinish(ctx, req)
	}
	return f.Server.RegisterFinish(ctx, req)
}

// LoginBegin runs locally for local test passkeys, else asks the server and
// begins locally when it is unreachable.
func (f Fallback) LoginBegin(ctx context.Context, req ceremony.LoginBeginRequest) (ceremony.LoginBeginResponse, error) {
	if anyLocal(req.Credentials) {
		return f.Local.LoginBegin(ctx, req)
	}
	resp, err := f.Server.LoginBegin(ctx, req)
	if errors.Is(err, ErrUnreachable) {
		return f.Local.LoginBegin(ctx, req)
	}
	return resp, err
}

// LoginFinish finishes where the ceremony began.
func (f Fallback) LoginFinish(ctx context.Context, req ceremony.LoginFinishRequest) (ceremony.FinishResponse, error) {
	if IsLocalToken(req.Session) {
		return f.Local.LoginFinish(ctx, req)
	}
	return f.Server.LoginFinish(ctx, req)
}

func anyLocal(tokens []string) bool {
	for _, t := range tokens {
		if IsLocalToken(t) {
			return true
		}
	}
	return false
}
