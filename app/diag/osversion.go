package diag

import (
	"regexp"
	"strings"
)

// uaOSVersion reads the OS version the UA proves, and a lower bound where
// only the browser proves one.
func uaOSVersion(ua string, id identity) (exact, floor ver) {
	switch id.os {
	case OSIOS, OSIPadOS:
		return appleMobileVersion(ua, id)
	case OSMacOS:
		return macVersion(ua, id)
	case OSWindows:
		return windowsVersion(ua, id)
	case OSAndroid:
		return androidVersion(ua, id)
	case OSChromeOS:
		// ChromeOS's version is the milestone of its built-in Chrome; the
		// "CrOS x86_64 14541.0.0" token is a platform build number.
		// Source: https://www.chromium.org/updates/ua-reduction/ (CrOS
		// platform version frozen); ChromeOS release notes number releases
		// by Chrome milestone.
		if id.browser == BrowserChrome && id.bmajor > 0 {
			return mkver(id.bmajor, 0), ver{}
		}
	}
	return ver{}, ver{}
}

// appleMobileVersion handles iOS and iPadOS.
//
// Safari 26 froze the OS token at 18_6 (26.0) and 18_7 (26.1 and later);
// the Version/ token then carries the OS version. Other iOS browsers and
// WebViews share the frozen token without a Version/ that could prove it, so
// 18_6 and 18_7 only prove "at least 18.6". EdgiOS's Version/ is not the OS.
// Firefox for iOS does not report its OS token faithfully, and an iPad in
// desktop mode sends a Mac token (10_15_7) and, from Firefox, a fixed
// Version/18.6, so neither proves anything. Facebook, Messenger and
// Instagram add the OS version the app itself reads (UIDevice
// systemVersion) to their WebView's UA; behind a frozen token it proves the
// version.
// Source: https://webkit.org/blog/17333/webkit-features-in-safari-26-0/
// (user agent no longer lists the current OS version); firefox-ios
// UserAgent.swift (desktop UA "Version/18.6 Safari/605.1.15").
func appleMobileVersion(ua string, id identity) (exact, floor ver) {
	if strings.Contains(ua, "Macintosh") {
		// Desktop-class browsing exists since iPadOS 13.
		return ver{}, mkver(13, 0)
	}
	v := submatchVer(reAppleMobileOS, ua)
	if !v.ok || id.browser == BrowserFirefox {
		return ver{}, ver{}
	}
	if v.major == 18 && v.minor >= 6 {
		if id.browser == BrowserSafari {
			sv := parseVer(productOr(ua, "Version"))
			switch {
			case sv.major >= 26:
				return sv, ver{}
			case sv.major == 18:
				return v, ver{}
			}
		}
		if av := appReportedIOS(ua); av.atLeast(18, 6) {
			return av, ver{}
		}
		return ver{}, mkver(18, 6)
	}
	return v, ver{}
}

// reAppReportedIOS matches the OS version an iOS app writes into its
// WebView's UA: Facebook's "FBSV/26.0.1" and Instagram's "(iPhone15,2; iOS
// 26_1; ...)".
var reAppReportedIOS = regexp.MustCompile(`(?:\bFBSV/|; i(?:Pad)?OS )(\d+)(?:[._](\d+))?`)

// appReportedIOS is the iOS version the embedding app reports, if any.
func appReportedIOS(ua string) ver {
	return submatchVer(reAppReportedIOS, ua)
}

// macVersion handles macOS. Every current browser freezes the token at
// 10_15_7 (Firefox at 10.15), so 10.15 proves nothing; older tokens predate
// the freeze and are genuine. Safari's own version bounds the OS from below.
// Source: https://webkit.org/blog/ (Safari release notes list supported
// macOS versions); Chromium UA reduction ("Macintosh; Intel Mac OS X 10_15_7").
func macVersion(ua string, id identity) (exact, floor ver) {
	v := submatchVer(reMacOS, ua)
	if v.ok && (v.major < 10 || v.major == 10 && v.minor < 15 || v.major >= 11) {
		return v, ver{}
	}
	if id.browser == BrowserSafari {
		return ver{}, safariMinMacOS(id.bmajor)
	}
	return ver{}, ver{}
}

// safariMinMacOS is the oldest macOS each Safari major runs on.
// Source: Apple Safari release notes — Safari 26 for macOS Sonoma and
// later, 18 for Ventura and later, 17 for Monterey and later, 16 for Big
// Sur and later, 15 for Catalina and later, 14 for Mojave and later.
func safariMinMacOS(major int) ver {
	switch {
	case major >= 26:
		return mkver(14, 0)
	case major >= 18:
		return mkver(13, 0)
	case major >= 17:
		return mkver(12, 0)
	case major >= 16:
		return mkver(11, 0)
	case major >= 15:
		return mkver(10, 15)
	case major >= 14:
		return mkver(10, 14)
	}
	return ver{}
}

// windowsVersion handles Windows. "Windows NT 10.0" is both Windows 10 and
// 11; "Windows NT 6.x" is genuine (6.1 = 7, 6.2 = 8, 6.3 = 8.1). Legacy
// EdgeHTML (Edge/12-18) shipped only with Windows 10. Chromium 107 froze
// the desktop token at "Windows NT 10.0" and Chromium 109 is the last on
// Windows 7 and 8.1, so NT 10.0 from Chromium 107-109 does not prove
// Windows 10 — and a browser held at 109 is most often on Windows 7 or 8.1.
// Source: https://learn.microsoft.com/en-us/microsoft-edge/web-platform/how-to-detect-win11;
// https://www.chromium.org/updates/ua-reduction/ (phase 5, Chrome 107);
// https://support.google.com/chrome/answer/95346 (Chrome 110+ needs Windows 10).
func windowsVersion(ua string, id identity) (exact, floor ver) {
	v := submatchVer(reWindowsNT, ua)
	if !v.ok {
		return ver{}, ver{}
	}
	switch {
	case v.major == 10:
		if e, ok := product(ua, "Edge"); ok && id.browser == BrowserEdge {
			if m := atoiMajor(e); m >= 12 && m <= 18 {
				return mkver(10, 0), ver{}
			}
		}
		if m := atoiMajor(productOr(ua, "Chrome")); m >= 107 && m <= 109 {
			return ver{}, ver{}
		}
		return ver{}, mkver(10, 0)
	case v.major == 6 && v.minor == 1:
		return mkver(7, 0), ver{}
	case v.major == 6 && v.minor == 2:
		return mkver(8, 0), ver{}
	case v.major == 6 && v.minor == 3:
		return mkver(8, 1), ver{}
	case v.major < 10:
		// Vista, XP and older: known to be too old, with no output form.
		return mkver(6, 0), ver{}
	}
	return ver{}, ver{}
}

// androidVersion handles Android. Reduced Chromium UAs send "Android 10; K"
// whatever the version; Firefox for Android's "Android 10" is treated the
// same way. Chrome's own minimum Android version bounds the OS from below.
// Source: https://www.chromium.org/updates/ua-reduction/ ("Linux; Android
// 10; K"); Chrome 139 requires Android 10, Chrome 120 Android 8.
func androidVersion(ua string, id identity) (exact, floor ver) {
	v := submatchVer(reAndroid, ua)
	if v.ok && v.major == 10 && v.minor == 0 && (reduced(ua) || id.browser == BrowserFirefox) {
		v = ver{}
	}
	if v.ok {
		return mkver(v.major, 0), ver{}
	}
	if id.browser == BrowserChrome {
		switch {
		case id.bmajor >= 139:
			return ver{}, mkver(10, 0)
		case id.bmajor >= 120:
			return ver{}, mkver(8, 0)
		}
	}
	return ver{}, ver{}
}

// reduced reports whether an Android UA has the reduced "Android 10; K" form.
func reduced(ua string) bool {
	c := comment(ua)
	for i, it := range c {
		if it == "Android 10" && i+1 < len(c) && c[i+1] == "K" {
			return true
		}
	}
	return false
}

func productOr(ua, name string) string {
	v, _ := product(ua, name)
	return v
}

// applyPlatformHints lets client hints override the UA: platform names the
// OS and platformVersion proves its version where the rules below allow.
// Source: https://wicg.github.io/ua-client-hints/#sec-ch-ua-platform-version;
// https://learn.microsoft.com/en-us/microsoft-edge/web-platform/how-to-detect-win11
// (Windows: 13 and up is Windows 11, 1-10 is Windows 10, 0 is before
// Windows 10; reported this way since Chromium 95).
func applyPlatformHints(id *identity, ua string, d *UAData) {
	pv := ver{}
	if strings.TrimSpace(d.PlatformVersion) != "" {
		pv = parseVer(d.PlatformVersion)
	}
	set := func(os string) {
		if id.os != os {
			id.os, id.exact, id.floor = os, ver{}, ver{}
		}
	}
	switch lower(strings.TrimSpace(d.Platform)) {
	case "windows":
		set(OSWindows)
		if !pv.ok || chromiumMajor(id, d) < 95 {
			return
		}
		switch {
		case pv.major >= 13:
			id.exact, id.floor = mkver(11, 0), ver{}
		case pv.major >= 1 && pv.major <= 10:
			id.exact, id.floor = mkver(10, 0), ver{}
		case pv.major == 0:
			if v, ok := legacyWindows(pv.minor); ok {
				id.exact, id.floor = v, ver{}
			} else if !id.exact.below(10, 0) {
				// Windows 7, 8 or 8.1, but which is unknown.
				id.exact, id.floor = mkver(6, 9), ver{}
			}
		}
	case "macos":
		set(OSMacOS)
		if pv.ok && pv.major >= 10 {
			id.exact = pv
		}
	case "android":
		set(OSAndroid)
		if pv.ok && pv.major > 0 {
			id.exact = mkver(pv.major, 0)
		}
	case "chrome os", "chromeos", "chromium os":
		set(OSChromeOS)
		if m := chromiumMajor(id, d); m > 0 {
			id.exact = mkver(m, 0)
		}
	case "linux":
		set(OSLinux)
	}
}

// legacyWindows reads the minor part of a platformVersion whose major is 0:
// Chromium reports the Windows NT 6 minor version there, "0.1.0" on
// Windows 7, "0.2.0" on 8 and "0.3.0" on 8.1 (older builds said "0.0.0"
// for all three, which proves only that it is one of them).
// Source: https://github.com/WICG/ua-client-hints/issues/287 (0.1.0 for
// Win 7, 0.2.0 for Win 8, 0.3.0 for Win 8.1, matching the NT 6 minor);
// captured Chrome 100 on Windows 7 headers, Sec-CH-UA-Platform-Version
// "0.1.0" (https://github.com/nielsbasjes/yauaa/issues/521).
func legacyWindows(minor int) (ver, bool) {
	switch minor {
	case 1:
		return mkver(7, 0), true
	case 2:
		return mkver(8, 0), true
	case 3:
		return mkver(8, 1), true
	}
	return ver{}, false
}

// chromiumMajor is the Chromium major version from brands, falling back to
// the browser's own major version.
func chromiumMajor(id *identity, d *UAData) int {
	for _, list := range [][]Brand{d.FullVersionList, d.Brands} {
		for _, b := range list {
			switch strings.TrimSpace(b.Brand) {
			case brandChromium, brandChrome:
				if m := atoiMajor(b.Version); m > 0 {
					return m
				}
			}
		}
	}
	return id.bmajor
}
