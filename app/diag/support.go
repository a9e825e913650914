package diag

// Support is what this device and browser can use, each yes, no or unknown.
type Support struct {
	// PlatformPasskeys: passkeys kept by the device itself (Windows Hello,
	// iCloud Keychain / Apple Passwords, Google Password Manager).
	PlatformPasskeys Tri `json:"platformPasskeys"`
	// AuthenticatorAppPasskeys: passkeys in Microsoft Authenticator, on this
	// phone or, from a computer, on a phone nearby.
	AuthenticatorAppPasskeys Tri `json:"authenticatorAppPasskeys"`
	// SecurityKeys: FIDO2 security keys.
	SecurityKeys Tri `json:"securityKeys"`
}

// minimum is the oldest OS version that supports work or school passkeys.
// Source: ../shared/DESIGN.md support matrix — Windows 10+, macOS 13
// Ventura+, ChromeOS 109+, iOS/iPadOS 16+, Android 9+.
func minimum(os string) (ver, bool) {
	switch os {
	case OSWindows:
		return mkver(10, 0), true
	case OSMacOS:
		return mkver(13, 0), true
	case OSChromeOS:
		return mkver(109, 0), true
	case OSIOS, OSIPadOS:
		return mkver(16, 0), true
	case OSAndroid:
		return mkver(9, 0), true
	}
	return ver{}, false
}

// appMinimum is the oldest OS that keeps passkeys in Microsoft Authenticator.
// Source: ../shared/DESIGN.md — iOS 17+, Android 14+.
func appMinimum(os string) (ver, bool) {
	switch os {
	case OSIOS, OSIPadOS:
		return mkver(17, 0), true
	case OSAndroid:
		return mkver(14, 0), true
	}
	return ver{}, false
}

// atLeast decides "OS >= min" from the exact version or, failing that, a
// proven lower bound: Safari 18 only runs on macOS 13 or later, so yes.
func (id identity) atLeast(min ver) Tri {
	switch {
	case id.exact.ok:
		return triOf(id.exact.atLeast(min.major, min.minor))
	case id.floor.atLeast(min.major, min.minor):
		return Yes
	}
	return Unknown
}

// deviceSupported is the support-matrix verdict for the OS alone.
func (id identity) deviceSupported() Tri {
	min, ok := minimum(id.os)
	if !ok {
		return Unknown
	}
	return id.atLeast(min)
}

// browserTooOld reports whether the browser predates WebAuthn.
// Source: https://caniuse.com/webauthn — Chrome 67, Edge 18, Firefox 60,
// Safari 13, Opera 54, Samsung Internet 13; Internet Explorer never. The
// thresholds are those of desktop and mobile builds: a TV or console
// numbers its build its own way (Samsung Internet 4 on Tizen TVs, Edge 44
// on Xbox), so they do not apply there.
func browserTooOld(id identity) bool {
	if id.noWebAuthn {
		return true
	}
	if id.os == OSOther {
		return false
	}
	min := map[string]int{
		BrowserChrome: 67, BrowserEdge: 18, BrowserFirefox: 60, BrowserSafari: 13,
		BrowserOpera: 54, BrowserSamsung: 13,
	}[id.browser]
	if (id.os == OSIOS || id.os == OSIPadOS) && id.browser != BrowserSafari {
		// Every iOS browser runs on the system's WebKit: CriOS, FxiOS
		// ("FxiOS/39.0" in 2022), EdgiOS and OPiOS number their own
		// versions, so only the iOS version matters.
		return false
	}
	return min > 0 && id.bmajor > 0 && id.bmajor < min
}

// verdicts decides Support. An app's embedded WebView cannot use passkeys or
// security keys for another site's sign-in, and a probe that found no
// WebAuthn at all overrides everything the UA suggests.
// Source: https://developer.apple.com/documentation/authenticationservices
// (WKWebView passkeys need the app's associated domains);
// https://developer.android.com/identity/sign-in/credential-manager-webview
// (WebView WebAuthn only with the embedding app's integration).
func verdicts(id identity, probe *Probe) Support {
	if id.inApp || browserTooOld(id) || probe != nil && probe.Available.Is(No) {
		return Support{PlatformPasskeys: No, AuthenticatorAppPasskeys: No, SecurityKeys: No}
	}
	dev := id.deviceSupported()
	s := Support{PlatformPasskeys: dev, AuthenticatorAppPasskeys: dev, SecurityKeys: dev}
	switch id.os {
	case OSIOS, OSIPadOS, OSAndroid:
		min, _ := appMinimum(id.os)
		s.AuthenticatorAppPasskeys = id.atLeast(min)
	case OSLinux:
		// No platform authenticator counts for work accounts on Linux;
		// security keys work in Chromium browsers and Firefox.
		s.PlatformPasskeys = No
		s.AuthenticatorAppPasskeys = Unknown
		s.SecurityKeys = Unknown
		switch id.browser {
		case BrowserChrome, BrowserEdge, BrowserFirefox, BrowserBrave, BrowserOpera:
			s.SecurityKeys = Yes
		}
		if id.maybeAndroid {
			s = either(s, verdicts(desktopModeAndroid(id), probe))
		}
	case OSOther:
		s = Support{PlatformPasskeys: Unknown, AuthenticatorAppPasskeys: Unknown, SecurityKeys: Unknown}
	}
	if id.automated || id.os == OSAndroid && (id.browser == BrowserOther || id.fire) {
		s = noConfidentYes(s)
	}
	return s
}

// desktopModeAndroid is the Android an Android browser asking for desktop
// sites would be: of unknown version, bounded only by the browser's own
// minimum.
func desktopModeAndroid(id identity) identity {
	a := identity{os: OSAndroid, browser: id.browser, bmajor: id.bmajor, automated: id.automated}
	a.exact, a.floor = androidVersion("", a)
	return a
}

// either keeps a verdict where two readings of the device agree and says
// unknown where they do not: a Linux laptop with a touch screen and an
// Android tablet asking for desktop sites send the same facts.
func either(a, b Support) Support {
	pick := func(x, y Tri) Tri {
		if x.norm() == y.norm() {
			return x
		}
		return Unknown
	}
	return Support{
		PlatformPasskeys:         pick(a.PlatformPasskeys, b.PlatformPasskeys),
		AuthenticatorAppPasskeys: pick(a.AuthenticatorAppPasskeys, b.AuthenticatorAppPasskeys),
		SecurityKeys:             pick(a.SecurityKeys, b.SecurityKeys),
	}
}

// noConfidentYes turns every yes into unknown where the OS alone cannot
// vouch for the browser; a no from the OS still holds. A headless browser
// runs with no person, screen lock or security key in reach. On Android a
// browser reaches passkeys and security keys only through Google Play
// services' FIDO2 API, given to browsers Google lists, or Credential
// Manager on Android 14+; an unrecognised browser (Huawei Browser on a
// phone without Google services, UC Browser) proves neither, and neither
// does any browser on an Amazon Fire tablet or TV, which ships without
// Google Play services.
// Source: https://developers.google.com/android/reference/com/google/android/gms/fido/fido2/Fido2PrivilegedApiClient
// (FIDO2 for privileged apps, i.e. browsers);
// https://developer.android.com/identity/sign-in/credential-manager.
func noConfidentYes(s Support) Support {
	for _, t := range []*Tri{&s.PlatformPasskeys, &s.AuthenticatorAppPasskeys, &s.SecurityKeys} {
		if t.Is(Yes) {
			*t = Unknown
		}
	}
	return s
}
