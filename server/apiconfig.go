package main

import (
	"fmt"

	"github.com/passkey-doctor/passkey-doctor/server/api"
	"github.com/passkey-doctor/passkey-doctor/server/config"
	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

// apiConfig maps the admin's configuration onto the ceremony API's. The
// embedding origins are also the top origins a cross-origin iframe may run
// ceremonies under.
func apiConfig(cfg config.Config) (api.Config, error) {
	c := api.DefaultConfig()
	c.RPID = cfg.WebAuthn.RPID
	c.RPDisplayName = cfg.WebAuthn.RPName
	c.Origins = cfg.WebAuthn.Origins
	c.TopOrigins = cfg.Embedding.AllowedOrigins
	c.RegistrationTimeout = cfg.WebAuthn.RegistrationTimeout
	c.LoginTimeout = cfg.WebAuthn.LoginTimeout
	c.CredentialTTL = cfg.WebAuthn.CredentialTTL
	for i, s := range cfg.Sealing.Keys {
		k, err := seal.ParseKey(s)
		if err != nil {
			return api.Config{}, fmt.Errorf("sealing.keys[%d]: %w", i, err)
		}
		c.Keys = append(c.Keys, k)
	}
	return c, nil
}
