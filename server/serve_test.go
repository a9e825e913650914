package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/server/config"
)

func TestRoutesAnswerWithoutFetchingFromTheHostHeader(t *testing.T) {
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path       string
		wantStatus int
		wantBody   string
	}{
		{"/healthz", http.StatusOK, "ok"},
		{"/robots.txt", http.StatusOK, "User-agent: *"},
		{"/sitemap.xml", http.StatusNotFound, ""},
		{"/ads.txt", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", tt.path, nil)
		r.Host = "attacker.example:1" // go-app would fetch from here
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.wantStatus || !strings.HasPrefix(w.Body.String(), tt.wantBody) {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, w.Code, w.Body.String(), tt.wantStatus, tt.wantBody)
		}
		if w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s has no Content-Security-Policy", tt.path)
		}
	}
}

func TestServeDrainsAndStopsWhenCancelled(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "finished")
	})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serveUntilDone(ctx, newHTTPServer(slow, log), ln, log) }()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel() // as SIGTERM does
	close(release)
	if body := <-got; body != "finished" {
		t.Errorf("in-flight request got %q, want it to finish", body)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serveUntilDone() = %v", err)
		}
	case <-time.After(shutdownGrace):
		t.Fatal("server did not stop")
	}
}

func TestUnknownCommandIsAnError(t *testing.T) {
	err := run(context.Background(), []string{"frobnicate"}, nil, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Fatalf("run(frobnicate) = %v", err)
	}
	for _, cmd := range []string{"serve", "diagnose", "static"} {
		if !strings.Contains(err.Error(), cmd) {
			t.Errorf("run(frobnicate) = %v, want it to name the command %s", err, cmd)
		}
	}
}

func TestFirstHTMLSaysWhatThisIsWhileTheWasmLoads(t *testing.T) {
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	body := w.Body.String()
	for _, want := range []string{
		`id="run-platform-test"`, `id="run-security-key-test"`, `id="run-phone-test"`, `id="run-existing-passkey-test"`,
		`id="platform-test-result"`, `id="security-key-test-result"`, `id="phone-test-result"`, `id="existing-passkey-test-result"`,
		`id="report-json"`,
		"<h1>Passkey Doctor</h1>",
		"does not work on this device, and shows you how to fix it",
		`id="app-wasm-loader-label"`,
		"Loading the checks… 0%",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("first HTML lacks %q", want)
		}
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestServeRefusesAnInvalidConfiguration(t *testing.T) {
	var stderr strings.Builder
	err := run(context.Background(), []string{"serve", "--config", "config/example.yaml", "--addr", "nonsense"}, nil, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "server.addr") {
		t.Fatalf("serve with a bad --addr = %v, want an error naming server.addr", err)
	}
}

func TestAPIMistakesGetCodedJSON(t *testing.T) {
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		method, path string
		wantStatus   int
		wantCode     string
	}{
		{"GET", "/api/ceremony/register/begin", http.StatusMethodNotAllowed, "method-not-allowed"},
		{"PUT", "/api/ceremony/login/finish", http.StatusMethodNotAllowed, "method-not-allowed"},
		{"POST", "/api/ceremony/nope", http.StatusNotFound, "not-found"},
		{"GET", "/api/", http.StatusNotFound, "not-found"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest(tt.method, tt.path, strings.NewReader("{}"))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != tt.wantStatus || !strings.Contains(w.Body.String(), `"code":"`+tt.wantCode+`"`) {
			t.Errorf("%s %s = %d %s, want %d with code %s", tt.method, tt.path, w.Code, w.Body.String(), tt.wantStatus, tt.wantCode)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s %s: Cache-Control = %q, want no-store", tt.method, tt.path, got)
		}
	}
}

func TestFirstHTMLCarriesAVerdictFromTheRequest(t *testing.T) {
	h, err := newHandler(config.Default(), discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")
	r.Header.Set("Sec-CH-UA", `"Google Chrome";v="131", "Chromium";v="131"`)
	r.Header.Set("Sec-CH-UA-Platform", `"Windows"`)
	r.Header.Set("Sec-CH-UA-Platform-Version", `"15.0.0"`)
	r.Header.Set("Accept-Language", "es-ES,es;q=0.9,en;q=0.8")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	body := w.Body.String()
	for _, want := range []string{`data-source="request"`, `data-verdict="yes"`, "Windows 11", "Este dispositivo puede usar llaves de acceso."} {
		if !strings.Contains(body, want) {
			t.Errorf("first HTML lacks %q", want)
		}
	}
	if got := w.Header().Get("Accept-CH"); !strings.Contains(got, "Sec-CH-UA-Platform-Version") {
		t.Errorf("Accept-CH = %q", got)
	}
	if got := w.Header().Get("Critical-CH"); got != "Sec-CH-UA-Platform-Version" {
		t.Errorf("Critical-CH = %q", got)
	}
	if got := w.Header().Get("Vary"); !strings.Contains(got, "User-Agent") {
		t.Errorf("Vary = %q", got)
	}
}

func TestSpareProcKeepsOnePBesidesTheVerifiers(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(before) })
	if got := spareProc(); got != before {
		t.Errorf("spareProc() = %d verifiers, want GOMAXPROCS %d", got, before)
	}
	if got := runtime.GOMAXPROCS(0); got != before+1 {
		t.Errorf("GOMAXPROCS after spareProc = %d, want %d", got, before+1)
	}
}
