package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strings"

	"github.com/passkey-doctor/passkey-doctor/server/seal"
)

// IdentityProviders are the supported identity-provider profiles.
var IdentityProviders = []string{"entra", "okta", "google", "keycloak", "adfs", "custom"}

// Languages are the languages the page has text for.
var Languages = []string{"en", "de", "fr", "es"}

// Validate reports every problem in c, each naming its field. It never
// changes c.
func (c Config) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...)))
	}

	if c.Server.Addr == "" {
		bad("server.addr", "is empty; want a listen address like :8080")
	} else if _, _, err := net.SplitHostPort(c.Server.Addr); err != nil {
		bad("server.addr", "%q is not host:port (%v)", c.Server.Addr, err)
	}
	if !oneOf(c.Server.LogFormat, "text", "json") {
		bad("server.logFormat", "%q is not text or json", c.Server.LogFormat)
	}
	if (c.Server.TLSCert == "") != (c.Server.TLSKey == "") {
		bad("server.tlsCert", "tlsCert and tlsKey go together; set both or neither")
	}
	for i, cidr := range c.Server.TrustedProxies {
		if _, _, err := net.ParseCIDR(cidr); err != nil {
			bad(fmt.Sprintf("server.trustedProxies[%d]", i), "%q is not a CIDR like 10.0.0.0/8", cidr)
		}
	}
	if strings.TrimSpace(c.Organization.Name) == "" {
		bad("organization.name", "is empty")
	}
	if c.Organization.Logo != "" && !strings.HasPrefix(c.Organization.Logo, "/") {
		if err := httpsURL(c.Organization.Logo); err != nil {
			bad("organization.logo", "%v (or a path starting with /)", err)
		}
	}
	if !oneOf(c.IdentityProvider, IdentityProviders...) {
		bad("identityProvider", "%q is not one of %s", c.IdentityProvider, strings.Join(IdentityProviders, ", "))
	}
	if c.Links.SecurityInfo != "" {
		if err := httpsURL(c.Links.SecurityInfo); err != nil {
			bad("links.securityInfo", "%v", err)
		}
	}
	if c.Links.Helpdesk != "" {
		if err := httpsURL(c.Links.Helpdesk); err != nil {
			bad("links.helpdesk", "%v", err)
		}
	}
	if !oneOf(c.Policy.PasswordAllowed, "yes", "no", "unknown") {
		bad("policy.passwordAllowed", "%q is not yes, no or unknown", c.Policy.PasswordAllowed)
	}
	if c.Helpdesk.Email != "" {
		if a, err := mail.ParseAddress(c.Helpdesk.Email); err != nil || a.Address != c.Helpdesk.Email {
			bad("helpdesk.email", "%q is not a plain e-mail address", c.Helpdesk.Email)
		}
	}
	if len(c.Languages) == 0 {
		bad("languages", "is empty; want some of %s", strings.Join(Languages, ", "))
	}
	for i, l := range c.Languages {
		if !oneOf(l, Languages...) {
			bad(fmt.Sprintf("languages[%d]", i), "%q is not one of %s", l, strings.Join(Languages, ", "))
		}
	}
	if c.WebAuthn.RPID != "" && len(c.WebAuthn.Origins) == 0 {
		bad("webauthn.origins", "is empty but webauthn.rpID is set; list the page's origins")
	}
	if c.WebAuthn.RPID == "" && len(c.WebAuthn.Origins) > 0 {
		bad("webauthn.rpID", "is empty but webauthn.origins is set; set both or neither")
	}
	for i, o := range c.WebAuthn.Origins {
		if err := origin(o); err != nil {
			bad(fmt.Sprintf("webauthn.origins[%d]", i), "%v", err)
		}
	}
	if strings.TrimSpace(c.WebAuthn.RPName) == "" {
		bad("webauthn.rpName", "is empty")
	}
	if c.WebAuthn.RegistrationTimeout <= 0 || c.WebAuthn.LoginTimeout <= 0 || c.WebAuthn.CredentialTTL <= 0 {
		bad("webauthn", "registrationTimeout, loginTimeout and credentialTTL must be positive durations like 3m")
	}
	ids := map[uint8]bool{}
	for i, k := range c.Sealing.Keys {
		key, err := seal.ParseKey(k)
		if err != nil {
			bad(fmt.Sprintf("sealing.keys[%d]", i), "%v", err) // never echo the secret
			continue
		}
		if ids[key.ID] {
			bad(fmt.Sprintf("sealing.keys[%d]", i), "key id %d is used twice", key.ID)
		}
		ids[key.ID] = true
	}
	for i, o := range c.Embedding.AllowedOrigins {
		if err := origin(o); err != nil {
			bad(fmt.Sprintf("embedding.allowedOrigins[%d]", i), "%v", err)
		}
	}
	if c.Report.Webhook != "" {
		if err := httpsURL(c.Report.Webhook); err != nil {
			bad("report.webhook", "%v", err)
		}
	}
	if c.Limits.RequestsPerMinute <= 0 || c.Limits.Burst <= 0 || c.Limits.MaxInFlight <= 0 {
		bad("limits", "requestsPerMinute, burst and maxInFlight must be positive")
	}
	return errors.Join(errs...)
}

// SecurityInfoURL is where people manage their passkeys: the configured
// link, else the identity provider's well-known page, else "".
// Source: https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey-authenticator ;
// https://support.google.com/accounts/answer/13548313
func (c Config) SecurityInfoURL() string {
	if c.Links.SecurityInfo != "" {
		return c.Links.SecurityInfo
	}
	switch c.IdentityProvider {
	case "entra":
		return "https://mysignins.microsoft.com/security-info"
	case "google":
		return "https://myaccount.google.com/signinoptions/passkeys"
	}
	return ""
}

func oneOf(v string, allowed ...string) bool {
	for _, a := range allowed {
		if v == a {
			return true
		}
	}
	return false
}

// httpsURL accepts absolute https URLs (http only for localhost, for
// development).
func httpsURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URL", s)
	}
	if u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname())) {
		return fmt.Errorf("%q must use https", s)
	}
	return nil
}

// origin accepts scheme://host[:port] with nothing after it.
func origin(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%q is not an origin like https://host[:port]", s)
	}
	if u.Scheme != "https" && !(u.Scheme == "http" && isLoopback(u.Hostname())) {
		return fmt.Errorf("%q must use https (http only for localhost)", s)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
