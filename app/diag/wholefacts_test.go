package diag

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wholeFactsCases are whole Facts documents exactly as the page records them
// on a visit from a helpdesk link — User-Agent, high-entropy client hints,
// touch points, the WebAuthn probe and a failed test — where the ceremony's
// cause depends on who the device is, not on the error alone.
var wholeFactsCases = []struct {
	name     string
	facts    string
	platform Platform
	support  Support
	causes   []string // "cause/confidence" per ceremony, in order
}{
	{
		name: "the new teams app on windows 11 shows the page in webview2, and its platform test is refused at once",
		facts: `{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.3485.94",
			"uaData":{"architecture":"x86","bitness":"64","brands":[{"brand":"Microsoft Edge","version":"140"},{"brand":"Not=A?Brand","version":"24"},{"brand":"Microsoft Edge WebView2","version":"140"},{"brand":"Chromium","version":"140"}],
				"fullVersionList":[{"brand":"Microsoft Edge","version":"140.0.3485.94"},{"brand":"Not=A?Brand","version":"24.0.0.0"},{"brand":"Microsoft Edge WebView2","version":"140.0.3485.94"},{"brand":"Chromium","version":"140.0.7339.208"}],
				"mobile":false,"model":"","platform":"Windows","platformVersion":"19.0.0","formFactors":["Desktop"],"wow64":false},
			"maxTouchPoints":0,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false,"publickeyCredentialsGet":true,"publickeyCredentialsCreate":true},
			"ceremonies":[{"kind":"platform","step":"create","errorName":"NotAllowedError","errorMessage":"The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.","elapsedMs":214,"timeoutMs":60000,"userVerification":"required","residentKey":"required"}]}`,
		platform: Platform{OS: OSWindows, OSVersion: strp("11"), OSVersionKnown: true, Browser: BrowserWebView, BrowserVersion: strp("140"), InAppWebView: true},
		support:  Support{PlatformPasskeys: No, AuthenticatorAppPasskeys: No, SecurityKeys: No},
		causes:   []string{"webauthn-unavailable/medium"},
	},
	{
		name: "facebook's in-app browser on android 14 refuses the platform test",
		facts: `{"ua":"Mozilla/5.0 (Linux; Android 14; 23078PND5G Build/UP1A.230905.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/140.0.7339.207 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/530.0.0.48.74;IABMV/1;]",
			"uaData":{"architecture":"","bitness":"","brands":[{"brand":"Chromium","version":"140"},{"brand":"Not=A?Brand","version":"24"},{"brand":"Android WebView","version":"140"}],
				"fullVersionList":[{"brand":"Chromium","version":"140.0.7339.207"},{"brand":"Not=A?Brand","version":"24.0.0.0"},{"brand":"Android WebView","version":"140.0.7339.207"}],
				"mobile":true,"model":"23078PND5G","platform":"Android","platformVersion":"14.0.0","formFactors":["Mobile"],"wow64":false},
			"maxTouchPoints":5,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":false,"conditionalMediation":false,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"platform","step":"create","errorName":"NotAllowedError","errorMessage":"The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.","elapsedMs":31,"timeoutMs":60000,"userVerification":"required","residentKey":"required"}]}`,
		platform: Platform{OS: OSAndroid, OSVersion: strp("14"), OSVersionKnown: true, Browser: BrowserWebView, BrowserVersion: strp("140"), InAppWebView: true, InAppName: strp("facebook")},
		support:  Support{PlatformPasskeys: No, AuthenticatorAppPasskeys: No, SecurityKeys: No},
		causes:   []string{"webauthn-unavailable/medium"},
	},
	{
		name: "instagram's in-app browser on ios 26 refuses with webkit's error number",
		facts: `{"ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 405.0.0.30.77 (iPhone17,1; iOS 26_1; en_US; en; scale=3.00; 1206x2622; IABMV/1; 812345678)",
			"maxTouchPoints":5,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"platform","step":"create","errorName":"NotAllowedError","errorMessage":"The operation couldn’t be completed. (WKErrorDomain error 31.)","elapsedMs":44,"timeoutMs":60000,"userVerification":"required","residentKey":"required"}]}`,
		platform: Platform{OS: OSIOS, OSVersion: strp("26.1"), OSVersionKnown: true, Browser: BrowserWebView, InAppWebView: true, InAppName: strp("instagram")},
		support:  Support{PlatformPasskeys: No, AuthenticatorAppPasskeys: No, SecurityKeys: No},
		causes:   []string{"webauthn-unavailable/medium"},
	},
	{
		name: "linkedin's in-app browser on ios is refused because the app does not claim the site",
		facts: `{"ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.31.1544",
			"maxTouchPoints":5,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"existing","step":"get","errorName":"NotAllowedError","errorMessage":"Application with identifier VTY3JX3Y3V.com.linkedin.LinkedIn is not associated with domain passkey.example.com","elapsedMs":27,"timeoutMs":60000,"userVerification":"preferred","allowCredentials":0}]}`,
		platform: Platform{OS: OSIOS, OSVersion: strp("17.6"), OSVersionKnown: true, Browser: BrowserWebView, InAppWebView: true, InAppName: strp("linkedin")},
		support:  Support{PlatformPasskeys: No, AuthenticatorAppPasskeys: No, SecurityKeys: No},
		causes:   []string{"webauthn-unavailable/high"},
	},
	{
		name: "chrome on windows 10 with hints: the test passkey works, then the existing-passkey test finds it gone",
		facts: `{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
			"uaData":{"architecture":"x86","bitness":"64","brands":[{"brand":"Chromium","version":"142"},{"brand":"Google Chrome","version":"142"},{"brand":"Not_A Brand","version":"99"}],
				"fullVersionList":[{"brand":"Chromium","version":"142.0.7444.176"},{"brand":"Google Chrome","version":"142.0.7444.176"},{"brand":"Not_A Brand","version":"99.0.0.0"}],
				"mobile":false,"model":"","platform":"Windows","platformVersion":"10.0.0","formFactors":["Desktop"],"wow64":false},
			"maxTouchPoints":0,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false,"publickeyCredentialsGet":true,"publickeyCredentialsCreate":true,"capabilities":{"conditionalCreate":false,"conditionalGet":true,"hybridTransport":true,"passkeyPlatformAuthenticator":true,"userVerifyingPlatformAuthenticator":true,"relatedOrigins":true,"signalAllAcceptedCredentials":true,"signalCurrentUserDetails":true,"signalUnknownCredential":true}},
			"ceremonies":[
				{"kind":"platform","elapsedMs":5400,"timeoutMs":60000,"userVerification":"required","residentKey":"required","userVerified":true},
				{"kind":"existing","step":"get","errorName":"NotAllowedError","errorMessage":"The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.","elapsedMs":388,"timeoutMs":60000,"userVerification":"preferred","allowCredentials":0,"expectedCredentials":1}]}`,
		platform: Platform{OS: OSWindows, OSVersion: strp("10"), OSVersionKnown: true, Browser: BrowserChrome, BrowserVersion: strp("142")},
		support:  Support{PlatformPasskeys: Yes, AuthenticatorAppPasskeys: Yes, SecurityKeys: Yes},
		causes:   []string{"", "no-credential-on-device/medium"},
	},
	{
		name: "chrome on an android 14 phone with hints and no screen lock refuses the platform test at once",
		facts: `{"ua":"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
			"uaData":{"architecture":"","bitness":"","brands":[{"brand":"Chromium","version":"142"},{"brand":"Google Chrome","version":"142"},{"brand":"Not_A Brand","version":"99"}],
				"fullVersionList":[{"brand":"Chromium","version":"142.0.7444.171"},{"brand":"Google Chrome","version":"142.0.7444.171"},{"brand":"Not_A Brand","version":"99.0.0.0"}],
				"mobile":true,"model":"SM-A546B","platform":"Android","platformVersion":"14.0.0","formFactors":["Mobile"],"wow64":false},
			"maxTouchPoints":5,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":false,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"platform","step":"create","errorName":"NotAllowedError","errorMessage":"The operation either timed out or was not allowed. See: https://www.w3.org/TR/webauthn-2/#sctn-privacy-considerations-client.","elapsedMs":96,"timeoutMs":60000,"userVerification":"required","residentKey":"required"}]}`,
		platform: Platform{OS: OSAndroid, OSVersion: strp("14"), OSVersionKnown: true, Browser: BrowserChrome, BrowserVersion: strp("142")},
		support:  Support{PlatformPasskeys: Yes, AuthenticatorAppPasskeys: Yes, SecurityKeys: Yes},
		causes:   []string{"user-verification-unavailable/medium"},
	},
	{
		name: "safari 26.1 on an iphone without a passcode: the probe and apple's error agree",
		facts: `{"ua":"Mozilla/5.0 (iPhone; CPU iPhone OS 18_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1",
			"maxTouchPoints":5,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":false,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"platform","step":"create","errorName":"NotAllowedError","errorMessage":"The operation couldn’t be completed. (com.apple.AuthenticationServices.AuthorizationError error 1010.)","elapsedMs":61,"timeoutMs":60000,"userVerification":"required","residentKey":"required"}]}`,
		platform: Platform{OS: OSIOS, OSVersion: strp("26.1"), OSVersionKnown: true, Browser: BrowserSafari, BrowserVersion: strp("26")},
		support:  Support{PlatformPasskeys: Yes, AuthenticatorAppPasskeys: Yes, SecurityKeys: Yes},
		causes:   []string{"user-verification-unavailable/medium"},
	},
	{
		name: "firefox 140 esr on windows: a security key create refused as an invalid state is the excluded test credential",
		facts: `{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0",
			"maxTouchPoints":0,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"security-key","step":"create","errorName":"InvalidStateError","errorMessage":"An attempt was made to use an object that is not, or is no longer, usable","elapsedMs":3920,"timeoutMs":60000,"userVerification":"discouraged","residentKey":"discouraged"}]}`,
		platform: Platform{OS: OSWindows, Browser: BrowserFirefox, BrowserVersion: strp("140")},
		support:  Support{PlatformPasskeys: Yes, AuthenticatorAppPasskeys: Yes, SecurityKeys: Yes},
		causes:   []string{"already-registered/medium"},
	},
	{
		name: "edge on windows 11 with hints: the security key holds none of the passkeys offered",
		facts: `{"ua":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
			"uaData":{"architecture":"x86","bitness":"64","brands":[{"brand":"Microsoft Edge","version":"142"},{"brand":"Not_A Brand","version":"99"},{"brand":"Chromium","version":"142"}],
				"fullVersionList":[{"brand":"Microsoft Edge","version":"142.0.3595.94"},{"brand":"Not_A Brand","version":"99.0.0.0"},{"brand":"Chromium","version":"142.0.7444.176"}],
				"mobile":false,"model":"","platform":"Windows","platformVersion":"19.0.0","formFactors":["Desktop"],"wow64":false},
			"maxTouchPoints":10,
			"webauthn":{"available":true,"secureContext":true,"uvpaa":true,"conditionalMediation":true,"framed":false,"crossOriginFrame":false},
			"ceremonies":[{"kind":"security-key","step":"get","errorName":"InvalidStateError","errorMessage":"The user attempted to use an authenticator that recognized none of the provided credentials.","elapsedMs":6120,"timeoutMs":60000,"userVerification":"discouraged","allowCredentials":1}]}`,
		platform: Platform{OS: OSWindows, OSVersion: strp("11"), OSVersionKnown: true, Browser: BrowserEdge, BrowserVersion: strp("142")},
		support:  Support{PlatformPasskeys: Yes, AuthenticatorAppPasskeys: Yes, SecurityKeys: Yes},
		causes:   []string{"no-credential-on-device/high"},
	},
}

func TestDiagnoseWholeFacts(t *testing.T) {
	for _, tc := range wholeFactsCases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse([]byte(tc.facts))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			d := Diagnose(f)
			if diff := cmp.Diff(tc.platform, d.Platform); diff != "" {
				t.Errorf("Platform mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.support, d.Support); diff != "" {
				t.Errorf("Support mismatch (-want +got):\n%s", diff)
			}
			var got []string
			for _, r := range d.Ceremonies {
				s := ""
				if r.Cause != nil {
					s = string(*r.Cause) + "/" + string(*r.Confidence)
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tc.causes, got); diff != "" {
				t.Errorf("ceremony causes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func strp(s string) *string { return &s }
