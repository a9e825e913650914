package browsertest

import (
	"github.com/chromedp/cdproto/webauthn"
	"github.com/chromedp/chromedp"
)

// Authenticators that stand in for real devices.
var (
	// PlatformUV is a laptop's or phone's built-in authenticator with user
	// verification: Windows Hello, Touch ID, an Android screen lock.
	PlatformUV = webauthn.VirtualAuthenticatorOptions{
		Protocol:                    webauthn.AuthenticatorProtocolCtap2,
		Ctap2version:                webauthn.Ctap2versionCtap21,
		Transport:                   webauthn.AuthenticatorTransportInternal,
		HasResidentKey:              true,
		HasUserVerification:         true,
		IsUserVerified:              true,
		AutomaticPresenceSimulation: true,
	}
	// SecurityKeyNoUV is a USB security key with no PIN set.
	SecurityKeyNoUV = webauthn.VirtualAuthenticatorOptions{
		Protocol:                    webauthn.AuthenticatorProtocolCtap2,
		Ctap2version:                webauthn.Ctap2versionCtap21,
		Transport:                   webauthn.AuthenticatorTransportUsb,
		HasResidentKey:              true,
		HasUserVerification:         false,
		AutomaticPresenceSimulation: true,
	}
)

// AddAuthenticator plugs a virtual authenticator into the tab.
func (tab *Tab) AddAuthenticator(opts webauthn.VirtualAuthenticatorOptions) webauthn.AuthenticatorID {
	tab.t.Helper()
	res, err := chromedp.Call(tab.ctx, webauthn.AddVirtualAuthenticator, webauthn.AddVirtualAuthenticatorParams{Options: &opts})
	if err != nil {
		tab.t.Fatalf("add virtual authenticator: %v", err)
	}
	return res.AuthenticatorID
}

// RemoveAuthenticator unplugs a virtual authenticator.
func (tab *Tab) RemoveAuthenticator(id webauthn.AuthenticatorID) {
	tab.t.Helper()
	if _, err := chromedp.Call(tab.ctx, webauthn.RemoveVirtualAuthenticator, webauthn.RemoveVirtualAuthenticatorParams{AuthenticatorID: id}); err != nil {
		tab.t.Fatalf("remove virtual authenticator: %v", err)
	}
}

// Credentials lists the credentials an authenticator holds.
func (tab *Tab) Credentials(id webauthn.AuthenticatorID) []*webauthn.Credential {
	tab.t.Helper()
	res, err := chromedp.Call(tab.ctx, webauthn.GetCredentials, webauthn.GetCredentialsParams{AuthenticatorID: id})
	if err != nil {
		tab.t.Fatalf("get credentials: %v", err)
	}
	return res.Credentials
}

// ClearCredentials deletes every credential from an authenticator, as a
// person deleting a passkey from their device would.
func (tab *Tab) ClearCredentials(id webauthn.AuthenticatorID) {
	tab.t.Helper()
	if _, err := chromedp.Call(tab.ctx, webauthn.ClearCredentials, webauthn.ClearCredentialsParams{AuthenticatorID: id}); err != nil {
		tab.t.Fatalf("clear credentials: %v", err)
	}
}
