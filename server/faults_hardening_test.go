package main

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

func TestARestartBetweenBeginAndFinishDoesNotBreakACeremony(t *testing.T) {
	key := sealingKey(t, 1)
	before := newRig(t, rigConfig(key), nil)
	auth := softauth.New()
	regBegin := before.registerBegin()
	after := newRig(t, rigConfig(key), nil) // the same key, a fresh process
	w := after.do("POST", ceremony.PathRegisterFinish, "application/json", finishBody(t, auth, regBegin))
	if w.Code != http.StatusOK {
		t.Fatalf("register finish after a restart: %d %s", w.Code, w.Body)
	}
	var reg ceremony.FinishResponse
	_ = json.Unmarshal(w.Body.Bytes(), &reg)

	loginBegin := after.loginBegin(reg.Credential)
	again := newRig(t, rigConfig(key), nil)
	if w := again.do("POST", ceremony.PathLoginFinish, "application/json", loginBody(t, auth, loginBegin, reg.Credential)); w.Code != http.StatusOK {
		t.Fatalf("login finish after a second restart: %d %s", w.Code, w.Body)
	}
}

func TestKeyRotation(t *testing.T) {
	old, next := sealingKey(t, 1), sealingKey(t, 2)
	tests := []struct {
		name       string
		keys       []string
		wantStatus int
		wantCode   ceremony.Code
	}{
		{"a token sealed with the previous key still finishes", []string{next, old}, http.StatusOK, ""},
		{"a token of a retired key is token-unknown-key", []string{next}, http.StatusBadRequest, ceremony.CodeTokenUnknownKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth := softauth.New()
			begin := newRig(t, rigConfig(old), nil).registerBegin()
			rotated := newRig(t, rigConfig(tt.keys...), nil)
			w := rotated.do("POST", ceremony.PathRegisterFinish, "application/json", finishBody(t, auth, begin))
			if w.Code != tt.wantStatus || (tt.wantCode != "" && codeOf(w) != tt.wantCode) {
				t.Fatalf("finish on the rotated replica: %d %s, want %d %s", w.Code, w.Body, tt.wantStatus, tt.wantCode)
			}
			if tt.wantCode == "" {
				// The new token is sealed with the new key: the old-only
				// replica cannot read it.
				var reg ceremony.FinishResponse
				_ = json.Unmarshal(w.Body.Bytes(), &reg)
				body, _ := json.Marshal(ceremony.LoginBeginRequest{Kind: ceremony.KindPlatform, Credentials: []string{reg.Credential}})
				if w := newRig(t, rigConfig(old), nil).do("POST", ceremony.PathLoginBegin, "application/json", body); codeOf(w) != ceremony.CodeTokenUnknownKey {
					t.Errorf("a replica without the new key: %d %s, want token-unknown-key", w.Code, w.Body)
				}
			}
		})
	}
}

func TestClockSkewBetweenReplicas(t *testing.T) {
	key := sealingKey(t, 1)
	now := time.Now()
	tests := []struct {
		name     string
		skew     time.Duration
		wantCode ceremony.Code
	}{
		{"a finishing replica 25 s ahead accepts the token", 25 * time.Second, ""},
		{"a finishing replica 25 s behind accepts the token", -25 * time.Second, ""},
		{"a finishing replica past the timeout and leeway says expired", 3*time.Minute + 31*time.Second + time.Minute, ceremony.CodeTokenExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newRig(t, rigConfig(key), func() time.Time { return now })
			b := newRig(t, rigConfig(key), func() time.Time { return now.Add(tt.skew) })
			w := b.do("POST", ceremony.PathRegisterFinish, "application/json", finishBody(t, softauth.New(), a.registerBegin()))
			if tt.wantCode == "" && w.Code != http.StatusOK {
				t.Fatalf("finish on the skewed replica: %d %s", w.Code, w.Body)
			}
			if tt.wantCode != "" && codeOf(w) != tt.wantCode {
				t.Fatalf("finish on the skewed replica: %d %s, want %s", w.Code, w.Body, tt.wantCode)
			}
		})
	}
}

// gate holds the ceremony finishes inside the server until released, so
// they are truly in flight when SIGTERM arrives.
type gate struct {
	next     http.Handler
	entered  chan struct{}
	released chan struct{}
}

func (g *gate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/finish") {
		g.entered <- struct{}{}
		<-g.released
	}
	g.next.ServeHTTP(w, r)
}

func TestSIGTERMTurnsReadinessOffFirstAndLetsCeremoniesInFlightFinish(t *testing.T) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	r := newRig(t, rigConfig(sealingKey(t, 1)), nil)
	g := &gate{next: r.h, entered: make(chan struct{}), released: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	srv := newHTTPServer(g, discardLogger())
	done := make(chan error, 1)
	go func() {
		done <- serveAndDrain(ctx, srv, ln, discardLogger(), drain{health: r.hz, delay: 500 * time.Millisecond})
	}()

	if got := probeURL(t, base+"/healthz"); got != "200 ok" {
		t.Fatalf("before SIGTERM /healthz = %q", got)
	}
	const n = 4
	var wg sync.WaitGroup
	statuses := make(chan int, n)
	for range n {
		body := finishBody(t, softauth.New(), r.registerBegin())
		wg.Go(func() {
			req, _ := http.NewRequest("POST", base+ceremony.PathRegisterFinish, strings.NewReader(string(body)))
			req.Header.Set("Content-Type", "application/json")
			req.Host = rigRPID
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				statuses <- 0
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		})
		<-g.entered
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	<-ctx.Done()
	deadline := time.Now().Add(400 * time.Millisecond)
	for probeURL(t, base+"/healthz") != "503 draining" {
		if time.Now().After(deadline) {
			t.Fatal("/healthz never turned 503 draining while draining")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := probeURL(t, base+"/livez"); got != "200 ok" {
		t.Errorf("/livez while draining = %q, want 200 ok", got)
	}
	close(g.released)
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != http.StatusOK {
			t.Errorf("a ceremony in flight ended with %d, want 200", s)
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serveAndDrain = %v", err)
		}
	case <-time.After(shutdownGrace):
		t.Fatal("the server did not stop")
	}
}

// probeURL GETs url on a fresh connection and returns "status body".
func probeURL(t *testing.T, url string) string {
	t.Helper()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 2 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return strings.TrimSpace(strings.Fields(resp.Status)[0] + " " + string(b))
}
