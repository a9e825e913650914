package api

import (
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"
)

// relyingParty is go-webauthn configured for one RP ID.
type relyingParty struct {
	id string
	wa *webauthn.WebAuthn
}

func (a *API) newRelyingParty(rpID string, origins []string) (*relyingParty, error) {
	wc := &webauthn.Config{
		RPID:                  rpID,
		RPDisplayName:         a.cfg.RPDisplayName,
		RPOrigins:             origins,
		RPTopOrigins:          a.cfg.TopOrigins,
		RPAllowCrossOrigin:    len(a.cfg.TopOrigins) > 0,
		AttestationPreference: protocol.PreferNoAttestation,
		Timeouts: webauthn.TimeoutsConfig{
			Login:        webauthn.TimeoutConfig{Enforce: true, Timeout: a.cfg.LoginTimeout, TimeoutUVD: a.cfg.LoginTimeout},
			Registration: webauthn.TimeoutConfig{Enforce: true, Timeout: a.cfg.RegistrationTimeout, TimeoutUVD: a.cfg.RegistrationTimeout},
		},
		// A diagnosis must not fail a person's working passkey because a
		// browser extension or password manager added an extension output
		// nobody asked for.
		ExtensionsUnsolicitedOutputPolicy: protocol.UnsolicitedOutputPolicyIgnore,
	}
	wa, err := webauthn.New(wc)
	if err != nil {
		return nil, fmt.Errorf("relying party %q: %w", rpID, err)
	}
	return &relyingParty{id: rpID, wa: wa}, nil
}

// relyingParty returns the configured relying party, or derives one from the
// request's Host: the host name is the RP ID and the page's origin is that
// host over http or https (browsers allow http only on localhost).
func (a *API) relyingParty(r *http.Request) (*relyingParty, error) {
	if a.fixed != nil {
		return a.fixed, nil
	}
	host := strings.ToLower(r.Host)
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	if name == "" || net.ParseIP(strings.Trim(name, "[]")) != nil {
		return nil, errOriginMismatch(fmt.Errorf("host is empty or an IP address: %w", errNoRelyingParty))
	}
	if err := protocol.ValidateRPID(name); err != nil {
		return nil, errOriginMismatch(fmt.Errorf("host is not a valid RP ID: %w", errNoRelyingParty))
	}
	rp, err := a.newRelyingParty(name, []string{"https://" + host, "http://" + host})
	if err != nil {
		return nil, errOriginMismatch(fmt.Errorf("%w: %w", errNoRelyingParty, err))
	}
	return rp, nil
}
