package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/browsertest"
	"github.com/passkey-doctor/passkey-doctor/server/config"
)

func TestBrowserLeavingThePageCountsTheVisitInMetrics(t *testing.T) {
	cfg := config.Default()
	shortTimeouts(&cfg)
	h, err := newHandler(cfg, discardLogger())
	if err != nil {
		t.Fatal(err)
	}
	reported := make(chan int, 1)
	url := serveLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if r.URL.Path == ceremony.PathDiagnosis {
			reported <- rec.status
		}
	}))
	tab := browsertest.Start(t)
	tab.AddAuthenticator(browsertest.PlatformUV)
	tab.Open(url+"/", panelDone)
	if outcome, _, text := runTest(tab, "platform"); outcome != "ok" {
		t.Fatalf("platform test failed:\n%s", text)
	}
	tab.Do(chromedp.Navigate(url + "/healthz")) // pagehide sends the diagnosis

	select {
	case status := <-reported:
		if status != http.StatusNoContent {
			t.Fatalf("POST %s = %d, want 204", ceremony.PathDiagnosis, status)
		}
	case <-time.After(browsertest.Timeout):
		t.Fatal("the page sent no diagnosis when it was left")
	}
	body := metricsBody(t, url)
	for _, want := range []string{
		`passkey_doctor_ceremonies_total{cause="none",kind="platform",outcome="ok"} 1`,
		`passkey_doctor_visits_total{os="`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

func metricsBody(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
