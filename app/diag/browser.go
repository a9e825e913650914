package diag

import (
	"strconv"
	"strings"
)

// inAppRule recognises an app's embedded browser by a token it adds to the
// User-Agent. Order matters: Messenger before Facebook.
type inAppRule struct {
	name  string
	match func(ua string) bool
}

func contains(subs ...string) func(string) bool {
	return func(ua string) bool {
		for _, s := range subs {
			if strings.Contains(ua, s) {
				return true
			}
		}
		return false
	}
}

// inAppRules are the tokens apps add to their WebView's User-Agent.
// Source: published captures of each app's in-app browser, e.g.
// "[FBAN/FBIOS;FBAV/...]", "[FB_IAB/FB4A;FBAV/...]", "Instagram 320.0...",
// "LinkedInApp/9.x", "TeamsMobile-iOS", "Teams/1.x ... Electron/x",
// "Outlook-iOS/4.x", "Telegram-Android/11.x (...)", "KAKAOTALK 10.x",
// "NAVER(inapp; search; ...)".
var inAppRules = []inAppRule{
	{"messenger", contains("FBAN/MessengerForiOS", "FBAN/MessengerLiteForiOS", "FB_IAB/MESSENGER", "Orca-Android")},
	{"facebook", contains("FBAN/", "FBAV/", "FB_IAB/", "FBIOS", "FB4A")},
	{"instagram", func(ua string) bool { return reInstagram.MatchString(ua) }},
	{"linkedin", contains("LinkedInApp", "com.linkedin.android")},
	{"teams", func(ua string) bool {
		return strings.Contains(ua, "TeamsMobile-") || has(ua, "Teams") || has(ua, "MicrosoftTeams")
	}},
	{"outlook", contains("Outlook-iOS/", "Outlook-Android/", "OutlookMobile")},
	{"tiktok", contains("musical_ly", "BytedanceWebview", "TikTok")},
	{"snapchat", contains("Snapchat")},
	{"twitter", contains("TwitterAndroid", "Twitter for iPhone", "Twitter for iPad")},
	{"wechat", contains("MicroMessenger/")},
	{"whatsapp", contains("WhatsApp/")},
	{"line", func(ua string) bool { return has(ua, "Line") }},
	{"pinterest", contains("Pinterest/", "[Pinterest")},
	{"google", func(ua string) bool { return has(ua, "GSA") }},
	{"telegram", contains("Telegram-Android/")},
	{"kakaotalk", contains("KAKAOTALK")},
	{"naver", contains("NAVER(inapp")},
	{"slack", func(ua string) bool { return has(ua, "Slack") && has(ua, "Electron") }},
}

// InAppNames are the apps whose embedded browser Identify can name
// (Platform.InAppName); the page shows each by its proper name.
func InAppNames() []string {
	names := make([]string, len(inAppRules))
	for i, r := range inAppRules {
		names[i] = r.name
	}
	return names
}

// otherChromium are browsers built on Chromium that name themselves in the
// User-Agent but have no value of their own in the browser list.
var otherChromium = []string{
	"YaBrowser", "Vivaldi", "UCBrowser", "MiuiBrowser", "HuaweiBrowser", "HeyTapBrowser",
	"Whale", "DuckDuckGo", "Ddg", "Silk", "QQBrowser", "MQQBrowser", "coc_coc_browser",
	"OculusBrowser", "HeadlessChrome", "Avast", "AvastSecureBrowser", "AVG", "CCleaner",
	"Puffin", "VivoBrowser", "Kiwi", "Maxthon", "Iron", "Sleipnir", "PaleMoon", "Electron",
	"Quark", "UBrowser", "baidubrowser", "SogouMobileBrowser", "Mb2345Browser",
}

// uaBrowser reads the browser from the UA alone: name, major version, and
// whether it is an app's embedded WebView (and which app). Every browser and
// WebView UA starts with "Mozilla/" (Presto Opera with "Opera/"); anything
// else, such as WhatsApp's link-preview fetcher "WhatsApp/2.24.6.77 A", is
// a program, not a browser, whatever app it names.
func uaBrowser(ua string) (browser string, major int, inApp bool, app string) {
	if !strings.HasPrefix(ua, "Mozilla/") && !strings.HasPrefix(ua, "Opera/") {
		return BrowserOther, 0, false, ""
	}
	for _, r := range inAppRules {
		if r.match(ua) {
			return BrowserWebView, webviewMajor(ua), true, r.name
		}
	}
	if has(ua, "Electron") || strings.HasSuffix(ua, "PKeyAuth/1.0") {
		return BrowserWebView, webviewMajor(ua), true, ""
	}
	for _, t := range otherChromium {
		if strings.Contains(ua, t+"/") {
			return BrowserOther, 0, false, ""
		}
	}
	c := comment(ua)
	android := strings.Contains(ua, "Android")
	apple := strings.Contains(ua, "like Mac OS X") || strings.Contains(ua, "Macintosh")
	// Android WebView: "; wv)" in the comment, or the pre-Lollipop form
	// "Version/4.0 Chrome/...". Source: Android CDD 3.4.1 WebView
	// compatibility (user agent string format).
	if android && (contains1(c, "wv") || has(ua, "Version") && has(ua, "Chrome") && !has(ua, "SamsungBrowser")) {
		return BrowserWebView, webviewMajor(ua), true, ""
	}
	for _, t := range []struct{ token, browser string }{
		{"EdgiOS", BrowserEdge}, {"EdgA", BrowserEdge}, {"Edg", BrowserEdge}, {"Edge", BrowserEdge},
		{"OPR", BrowserOpera}, {"OPX", BrowserOpera}, {"OPT", BrowserOpera}, {"OPiOS", BrowserOpera},
		{"SamsungBrowser", BrowserSamsung},
		{"FxiOS", BrowserFirefox},
		{"CriOS", BrowserChrome},
	} {
		if v, ok := product(ua, t.token); ok {
			return t.browser, atoiMajor(v), false, ""
		}
	}
	if strings.Contains(ua, "Opera Mini") || strings.HasPrefix(ua, "Opera/") {
		return BrowserOpera, 0, false, ""
	}
	// A TV's, console's or feature phone's own browser carries a Firefox or
	// Chrome token for its engine (KaiOS "Firefox/48.0", webOS
	// "Chrome/94"), but it is neither browser.
	if otherDevice(ua) {
		return BrowserOther, 0, false, ""
	}
	if v, ok := product(ua, "Firefox"); ok && !strings.Contains(ua, "Trident") {
		return BrowserFirefox, atoiMajor(v), false, ""
	}
	if v, ok := product(ua, "Chrome"); ok {
		if unknownTrailing(ua) {
			return BrowserOther, 0, false, ""
		}
		return BrowserChrome, atoiMajor(v), false, ""
	}
	if apple && strings.Contains(ua, "AppleWebKit") {
		v, hasVersion := product(ua, "Version")
		switch {
		case hasVersion && has(ua, "Safari") && !unknownTrailing(ua):
			return BrowserSafari, atoiMajor(v), false, ""
		case !has(ua, "Safari"):
			// An app's WKWebView, on iOS or macOS: WebKit without the
			// Safari token. Source: WebKit's default WKWebView User-Agent,
			// "... AppleWebKit/605.1.15 (KHTML, like Gecko)" (+ "Mobile/15E148").
			return BrowserWebView, 0, true, ""
		case !hasVersion && strings.Contains(ua, "like Mac OS X") && !unknownTrailing(ua):
			// An iOS app's WKWebView that appends "Safari/604.1" but not
			// Safari's Version/ token, which every Safari sends.
			return BrowserWebView, 0, true, ""
		}
	}
	return BrowserOther, 0, false, ""
}

// knownTokens are the product tokens of the stock Chrome, Safari and WebView
// User-Agents; any other token after the platform comment means another
// browser or an app.
var knownTokens = map[string]bool{
	"Mozilla": true, "AppleWebKit": true, "Chrome": true, "Safari": true,
	"Version": true, "Mobile": true, "Gecko": true, "KHTML": true, "like": true,
}

// unknownTrailing reports whether the UA carries a product token that stock
// Chrome or Safari would not send, such as "Vivaldi/6.5" or "SomeApp/2.1".
func unknownTrailing(ua string) bool {
	rest := ua
	// Drop parenthesised comments.
	var b strings.Builder
	depth := 0
	for _, r := range rest {
		switch {
		case r == '(':
			depth++
		case r == ')':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	for _, f := range strings.Fields(b.String()) {
		name, _, ok := strings.Cut(f, "/")
		if !ok {
			continue
		}
		if !knownTokens[name] {
			return true
		}
	}
	return false
}

// webviewMajor is the Chromium major version of an Android WebView or
// Electron app, 0 on iOS where the WebView carries none.
func webviewMajor(ua string) int {
	if v, ok := product(ua, "Chrome"); ok {
		return atoiMajor(v)
	}
	return 0
}

func atoiMajor(v string) int {
	n, _ := strconv.Atoi(majorOf(v))
	return n
}

func contains1(items []string, want string) bool {
	for _, it := range items {
		if it == want {
			return true
		}
	}
	return false
}

// Brand names in navigator.userAgentData.brands.
const (
	brandChrome   = "Google Chrome"
	brandChromium = "Chromium"
	brandEdge     = "Microsoft Edge"
	brandOpera    = "Opera"
	brandOperaGX  = "Opera GX"
	brandOperaMob = "OperaMobile"
	brandBrave    = "Brave"
	brandSamsung  = "Samsung Internet"
	brandWebView  = "Android WebView"
	brandWebView2 = "Microsoft Edge WebView2"
)

// applyBrands refines the browser from client-hint brands. Brave differs
// from Chrome only here: its User-Agent is Chrome's.
// Source: https://wicg.github.io/ua-client-hints/#interface (brands);
// Brave's brands list "Brave", "Chromium" and a GREASE entry; a WebView2
// app's brands add "Microsoft Edge WebView2" to Edge's, while its UA is
// Edge's (https://github.com/MicrosoftEdge/WebView2Feedback/issues/2576).
func applyBrands(id *identity, d *UAData) {
	brands := append(append([]Brand{}, d.Brands...), d.FullVersionList...)
	if len(brands) == 0 || id.inApp && id.app != "" {
		return
	}
	find := func(name string) (int, bool) {
		for _, b := range brands {
			if strings.EqualFold(strings.TrimSpace(b.Brand), name) {
				return atoiMajor(b.Version), true
			}
		}
		return 0, false
	}
	set := func(browser string, major int) {
		id.browser = browser
		if major > 0 {
			id.bmajor = major
		}
	}
	// Brands that name a browser outright, most specific first: each also
	// lists "Chromium" and often "Google Chrome".
	for _, b := range []struct{ brand, browser string }{
		{brandBrave, BrowserBrave},
		{brandWebView2, BrowserWebView},
		{brandEdge, BrowserEdge},
		{brandOpera, BrowserOpera},
		{brandOperaGX, BrowserOpera},
		{brandOperaMob, BrowserOpera},
		{brandSamsung, BrowserSamsung},
		{brandWebView, BrowserWebView},
	} {
		if m, ok := find(b.brand); ok {
			set(b.browser, m)
			id.inApp = id.inApp || b.browser == BrowserWebView
			return
		}
	}
	if m, ok := find(brandChrome); ok {
		if id.browser == BrowserChrome || id.browser == BrowserOther && !id.inApp {
			set(BrowserChrome, m)
		}
		return
	}
	if _, ok := find(brandChromium); ok && id.browser == BrowserChrome {
		// A Chromium build that does not call itself Chrome.
		id.browser, id.bmajor = BrowserOther, 0
	}
}
