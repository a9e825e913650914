package diag

import (
	"regexp"
	"strconv"
	"strings"
)

// Operating systems.
const (
	OSWindows  = "windows"
	OSMacOS    = "macos"
	OSIOS      = "ios"
	OSIPadOS   = "ipados"
	OSAndroid  = "android"
	OSChromeOS = "chromeos"
	OSLinux    = "linux"
	OSOther    = "other"
)

// Browsers. A recognisable in-app browser is BrowserWebView with InAppName set.
const (
	BrowserChrome  = "chrome"
	BrowserEdge    = "edge"
	BrowserSafari  = "safari"
	BrowserFirefox = "firefox"
	BrowserSamsung = "samsung"
	BrowserOpera   = "opera"
	BrowserBrave   = "brave"
	BrowserWebView = "webview"
	BrowserOther   = "other"
)

// Platform is who the device is. OSVersion is formatted per OS: Windows
// "7" | "8" | "8.1" | "10" | "11"; macOS, iOS and iPadOS "major.minor";
// Android the major version; ChromeOS the milestone. It is nil whenever
// nothing proves the version. BrowserVersion is the browser's major version.
type Platform struct {
	OS             string  `json:"os"`
	OSVersion      *string `json:"osVersion"`
	OSVersionKnown bool    `json:"osVersionKnown"`
	Browser        string  `json:"browser"`
	BrowserVersion *string `json:"browserVersion"`
	InAppWebView   bool    `json:"inAppWebView"`
	InAppName      *string `json:"inAppName"`
}

// identity is a Platform plus what the rules know beyond the output format:
// an exact version that has no output form (Windows Vista) and a lower bound
// proven by the browser when the exact version is not.
type identity struct {
	os      string
	exact   ver // the OS version, when proven
	floor   ver // the OS is at least this, when proven
	browser string
	bmajor  int // browser major version, 0 when unknown
	inApp   bool
	app     string
	// automated: a headless browser driven by a program; what it runs on
	// says nothing about a person's device.
	automated bool
	// noWebAuthn: a browser that never had WebAuthn at any version.
	noWebAuthn bool
	// fire: an Amazon Fire tablet or Fire TV (Fire OS), which has no
	// Google Play services, whatever Android version it is built on.
	fire bool
	// maybeAndroid: a Linux desktop UA that an Android browser in
	// "desktop site" mode sends too, from a device with a touch screen;
	// nothing proves which it is.
	maybeAndroid bool
}

// Identify works out the platform from the User-Agent, client hints and
// maxTouchPoints.
func Identify(f Facts) Platform { return identify(f).platform() }

func identify(f Facts) identity {
	ua := strings.TrimSpace(f.UA)
	touch := 0.0
	if f.MaxTouchPoints != nil {
		touch = *f.MaxTouchPoints
	}
	if crawler(ua) {
		return identity{os: OSOther, browser: BrowserOther, automated: true}
	}
	var id identity
	id.browser, id.bmajor, id.inApp, id.app = uaBrowser(ua)
	id.os = uaOS(ua, touch)
	id.automated = has(ua, "HeadlessChrome") || has(ua, "PhantomJS")
	id.noWebAuthn = internetExplorer(ua)
	id.fire = fireOS(ua, f.UAData)
	if f.UAData != nil {
		applyBrands(&id, f.UAData)
	}
	id.exact, id.floor = uaOSVersion(ua, id)
	if f.UAData != nil {
		applyPlatformHints(&id, ua, f.UAData)
	}
	id.maybeAndroid = id.os == OSLinux && touch > 0 && androidDesktopMode(ua) && !provenLinux(f.UAData)
	if !id.exact.ok {
		id.exact = reportedVersion(id, f.Answers.OSVersion)
	}
	if id.exact.ok && !id.floor.ok {
		id.floor = id.exact
	}
	return id
}

// reportedVersion is the OS version the person told us, when nothing in the
// browser proved one: used only if it has this OS's form and does not
// contradict a proven lower bound.
func reportedVersion(id identity, answer string) ver {
	v := parseVer(answer)
	if !v.ok || formatOSVersion(id.os, v) == "" {
		return ver{}
	}
	if id.floor.ok && !v.atLeast(id.floor.major, id.floor.minor) {
		return ver{}
	}
	return v
}

func (id identity) platform() Platform {
	p := Platform{OS: id.os, Browser: id.browser, InAppWebView: id.inApp}
	if v := formatOSVersion(id.os, id.exact); v != "" {
		p.OSVersion, p.OSVersionKnown = &v, true
	}
	if id.bmajor > 0 {
		v := strconv.Itoa(id.bmajor)
		p.BrowserVersion = &v
	}
	if id.app != "" {
		a := id.app
		p.InAppName = &a
	}
	return p
}

// formatOSVersion writes v in the OS's documented form, or "" when it has
// none.
func formatOSVersion(os string, v ver) string {
	if !v.ok {
		return ""
	}
	switch os {
	case OSWindows:
		switch {
		case v.major == 11 || v.major == 10 || v.major == 7 || v.major == 8 && v.minor == 0:
			return strconv.Itoa(v.major)
		case v.major == 8 && v.minor == 1:
			return "8.1"
		}
		return ""
	case OSMacOS, OSIOS, OSIPadOS:
		return strconv.Itoa(v.major) + "." + strconv.Itoa(v.minor)
	case OSAndroid, OSChromeOS:
		return strconv.Itoa(v.major)
	}
	return ""
}

// uaOS reads the OS family from the UA. A Mac UA with more than one touch
// point is an iPad asking for desktop sites, and so is a Mac UA from an
// iOS-only browser (CriOS, FxiOS, EdgiOS). Samsung Internet exists only on
// Android (and on TVs, caught first), so its Linux desktop UA — Samsung DeX
// and "desktop version" on phones and tablets — is Android.
// Source: https://developer.apple.com/forums/thread/119186 (iPadOS 13
// desktop-class browsing); WebKit sends navigator.maxTouchPoints 5 on iPad;
// https://developer.samsung.com/internet/android/web-developer-guide.html
// (Samsung DeX: "X11; Linux x86_64" with SamsungBrowser/);
// https://docs.aws.amazon.com/silk/latest/developerguide/user-agent.html
// (Silk's desktop view: "X11; Linux x86_64 ... Silk/").
func uaOS(ua string, touch float64) string {
	c := strings.Join(comment(ua), ";")
	switch {
	case ua == "" || otherDevice(ua):
		return OSOther
	case strings.Contains(c, "iPad"):
		return OSIPadOS
	case strings.Contains(c, "iPhone") || strings.Contains(c, "iPod"):
		return OSIOS
	case has(ua, "Silk"):
		// Amazon's Silk runs only on Fire OS, an Android; its desktop mode
		// claims Linux (once Mac OS X).
		return OSAndroid
	case strings.Contains(c, "Macintosh") || strings.Contains(c, "Mac OS X"):
		if touch > 1 || has(ua, "CriOS") || has(ua, "FxiOS") || has(ua, "EdgiOS") {
			return OSIPadOS
		}
		return OSMacOS
	case strings.Contains(c, "CrOS"):
		return OSChromeOS
	case strings.Contains(ua, "Android"):
		return OSAndroid
	case strings.Contains(c, "Windows"):
		return OSWindows
	case strings.Contains(c, "BSD") || strings.Contains(c, "SunOS"):
		// "X11; FreeBSD amd64": X11 but not Linux.
		return OSOther
	case strings.Contains(c, "Linux") || strings.Contains(c, "X11") || strings.Contains(c, "Ubuntu") || strings.Contains(c, "Fedora"):
		if has(ua, "SamsungBrowser") {
			return OSAndroid
		}
		return OSLinux
	}
	return OSOther
}

// otherDeviceMarkers name phones, TVs, consoles and headsets whose systems
// have no value of their own in the OS list, even where the UA also says
// Linux, Android or Windows.
var otherDeviceMarkers = []string{
	"Windows Phone", "Windows Mobile", "Tizen", "HarmonyOS", "OpenHarmony", "KAIOS",
	"Web0S", "SMART-TV", "SmartTV", "HbbTV", "NetCast", "CrKey", "Roku",
	"PlayStation", "Nintendo", "Xbox", "OculusBrowser",
}

// otherDevice reports whether the UA comes from such a device; a Fire TV
// names itself only by its model ("AFTKA", "AFTMM").
func otherDevice(ua string) bool {
	for _, m := range otherDeviceMarkers {
		if strings.Contains(ua, m) {
			return true
		}
	}
	for _, it := range comment(ua) {
		if reFireTV.MatchString(it) {
			return true
		}
	}
	return false
}

// Amazon's device models: Fire tablets are "KF" and a code name, Fire TVs
// "AFT" and one; a WebView adds " Build/...".
// Source: https://docs.aws.amazon.com/silk/latest/developerguide/user-agent.html
// (product model, e.g. KFTT); https://developer.amazon.com/docs/fire-tv/user-agent-strings.html
// ("a device model that starts with AFT").
var (
	reFireTablet = regexp.MustCompile(`^KF[A-Z]{2,6}(?: Build/.*)?$`)
	reFireTV     = regexp.MustCompile(`^AFT[A-Z0-9]{1,12}(?: Build/.*)?$`)
)

// fireOS reports whether the device is an Amazon Fire tablet or Fire TV:
// Silk, Amazon's browser, or a Fire model in the UA or in the model hint.
// Fire OS has no Google Play services, through which Android browsers
// reach passkeys and security keys, so its Android version vouches for
// nothing (people can sideload the services, so it proves no "no" either).
// Source: https://developer.amazon.com/docs/device-specs/identify-fire-tv-devices.html
// ("Amazon devices don't use Google services"); the Fire tablets' app
// WebView, too, names itself Silk
// (https://developer.amazon.com/docs/fire-tablets/ft-user-agent-strings.html).
func fireOS(ua string, d *UAData) bool {
	if has(ua, "Silk") {
		return true
	}
	items := comment(ua)
	if d != nil {
		items = append(items, strings.TrimSpace(d.Model))
	}
	for _, it := range items {
		if reFireTablet.MatchString(it) || reFireTV.MatchString(it) {
			return true
		}
	}
	return false
}

// androidDesktopMode reports whether the UA has the exact platform that
// Chrome (and other Chromium browsers) on Android send when the person asks
// for the desktop site — the default on large tablets — and that Firefox
// for Android sends likewise: "X11; Linux x86_64", with no distribution
// named. Source: Chromium components/embedder_support/user_agent_utils.cc
// (SetDesktopUserAgentOverride: "X11; Linux x86_64", client hints platform
// "Linux" with an empty platformVersion, mobile false); GeckoView
// GeckoViewSettings (DESKTOP_USER_AGENT: "Android NN; Mobile" replaced by
// "X11; Linux x86_64").
func androidDesktopMode(ua string) bool {
	c := comment(ua)
	if len(c) < 2 || c[0] != "X11" || c[1] != "Linux x86_64" {
		return false
	}
	return len(c) == 2 || len(c) == 3 && strings.HasPrefix(c[2], "rv:")
}

// provenLinux reports whether client hints prove a real Linux: desktop
// Chromium there reports the kernel version as platformVersion, which
// Android's desktop mode blanks.
func provenLinux(d *UAData) bool {
	return d != nil && lower(strings.TrimSpace(d.Platform)) == "linux" && strings.TrimSpace(d.PlatformVersion) != ""
}

// reCrawler matches the name/version token or contact URL that crawlers and
// link-preview fetchers put in their UA ("Googlebot/2.1", "bingbot/2.0",
// "+http://www.google.com/bot.html"), and PageSpeed's "Chrome-Lighthouse".
var reCrawler = regexp.MustCompile(`(?i)(?:bot|crawler|spider|externalhit)/\d|\+https?://|\bChrome-Lighthouse\b`)

// crawler reports whether the UA is a crawler or a link-preview fetcher
// rather than a person's browser: a Googlebot claiming "Android 6.0.1;
// Nexus 5X" is no Android phone.
// Source: https://developers.google.com/search/docs/crawling-indexing/overview-google-crawlers
func crawler(ua string) bool {
	return reCrawler.MatchString(ua)
}

// internetExplorer reports whether the UA is Internet Explorer (Trident or
// MSIE, compatibility view included), which never had WebAuthn.
// Source: https://caniuse.com/webauthn (IE: not supported).
func internetExplorer(ua string) bool {
	return strings.Contains(ua, "Trident/") || strings.Contains(ua, "; MSIE ")
}
