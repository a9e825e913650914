package bench

import "github.com/chromedp/cdproto/network"

// Network is a throttling preset for the DevTools network emulation.
type Network struct {
	// Name labels the figures, e.g. "fast3g".
	Name string
	// Conditions are applied to every request of the page; nil is no
	// throttling.
	Conditions *network.Conditions
}

// Fast3G is Chrome DevTools' "Fast 3G" preset exactly as DevTools defines
// it: 1.6 Mbit/s down and 750 kbit/s up, each at 90 %, and 150 ms × 3.75 =
// 562.5 ms of latency.
// Source: Chrome DevTools front end, front_end/core/sdk/NetworkManager.ts,
// Fast3GConditions.
var Fast3G = Network{Name: "fast3g", Conditions: &network.Conditions{
	DownloadThroughput: 1.6 * 1000 * 1000 / 8 * .9,
	UploadThroughput:   750 * 1000 / 8 * .9,
	Latency:            150 * 3.75,
	ConnectionType:     network.ConnectionTypeCellular3g,
}}

// Unthrottled is loopback as it is.
var Unthrottled = Network{Name: "unthrottled"}

// MarksScript runs in every new document before the page's own scripts and
// records, in window.__benchMarks, milliseconds since navigation start
// (performance.now()) at the first animation frame after:
//
//   - text: the first verdict's text (#verdict-text) or the hello-world's
//     greeting (#hello) is in the page and not empty — what a person reads
//     first; textSource is the verdict's data-source (request or browser);
//   - wasm: go-app's loader was in the page and is gone — the wasm runs;
//   - panel: the capability panel is done (#capabilities[data-state=done]).
//
// A MutationObserver sees each change as it happens, so nothing is polled
// and nothing sleeps.
const MarksScript = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const mark = (name, extra) => {
    if (name in marks || ("pending_" + name) in marks) return;
    marks["pending_" + name] = true;
    requestAnimationFrame(() => { marks[name] = performance.now(); Object.assign(marks, extra || {}); });
  };
  let sawLoader = false;
  const check = () => {
    const text = document.getElementById("verdict-text") || document.getElementById("hello");
    if (text && text.textContent.trim() !== "") {
      const v = document.getElementById("verdict");
      mark("text", {textSource: v ? (v.dataset.source || "") : "hello"});
    }
    if (document.getElementById("app-wasm-loader")) sawLoader = true;
    else if (sawLoader) mark("wasm");
    if (document.querySelector('#capabilities[data-state="done"]')) mark("panel");
  };
  new MutationObserver(check).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})();`

// Marks is what MarksScript recorded, in milliseconds since navigation
// start; a missing mark is zero.
type Marks struct {
	Text       float64 `json:"text"`
	TextSource string  `json:"textSource"`
	Wasm       float64 `json:"wasm"`
	Panel      float64 `json:"panel"`
}
