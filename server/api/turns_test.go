package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"testing"
	"testing/synctest"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
	"github.com/passkey-doctor/passkey-doctor/server/softauth"
)

func TestTurnsServeWaitersInArrivalOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		turns := newTurns(1)
		done, err := turns.take(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var order []int
		for i := range 5 {
			go func() {
				d, err := turns.take(t.Context())
				if err != nil {
					t.Error(err)
					return
				}
				order = append(order, i)
				d()
			}()
			synctest.Wait() // i now waits, behind every earlier one
		}
		done()
		synctest.Wait()
		if want := []int{0, 1, 2, 3, 4}; !slices.Equal(order, want) {
			t.Errorf("turns went to %v, want arrival order %v", order, want)
		}
	})
}

func TestTurnsLetAtMostNVerifyAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		turns := newTurns(2)
		for range 2 {
			if _, err := turns.take(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		third := make(chan struct{})
		go func() {
			d, err := turns.take(t.Context())
			if err == nil {
				d()
			}
			close(third)
		}()
		synctest.Wait()
		select {
		case <-third:
			t.Fatal("a third verification got a turn while two were running")
		default:
		}
		<-turns // one of the two ends
		synctest.Wait()
		select {
		case <-third:
		default:
			t.Fatal("the waiting verification did not get the freed turn")
		}
	})
}

func TestATurnWaiterGivesUpWhenItsClientLeaves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		turns := newTurns(1)
		done, err := turns.take(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(t.Context())
		gaveUp := make(chan error, 1)
		go func() {
			_, err := turns.take(ctx)
			gaveUp <- err
		}()
		synctest.Wait()
		cancel()
		err = <-gaveUp
		var e *Error
		if !errors.As(err, &e) || e.Code != ceremony.CodeOverloaded {
			t.Fatalf("take after the client left = %v, want code %s", err, ceremony.CodeOverloaded)
		}
		done()
		// The waiter that gave up holds nothing: the one turn is free.
		if _, err := turns.take(t.Context()); err != nil {
			t.Fatal(err)
		}
		if len(turns) != 1 {
			t.Errorf("%d turns taken, want 1", len(turns))
		}
	})
}

func TestTurnsDefaultToOnePerP(t *testing.T) {
	if got, want := cap(newTurns(0)), runtime.GOMAXPROCS(0); got != want {
		t.Errorf("newTurns(0) allows %d at once, want GOMAXPROCS = %d", got, want)
	}
	if got := cap(newTurns(3)); got != 3 {
		t.Errorf("newTurns(3) allows %d at once", got)
	}
}

// A client that sends its body slowly must not hold the only turn: the
// finish takes its turn after the body is read.
func TestASlowBodyDoesNotHoldATurn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cfg := testConfig()
		cfg.Verifiers = 1
		h := newHarness(t, cfg, nil)

		body, trickle := io.Pipe()
		slow := httptest.NewRequest(http.MethodPost, "http://"+testRPID+ceremony.PathLoginFinish, body)
		slow.Header.Set("Content-Type", "application/json")
		go h.mux.ServeHTTP(httptest.NewRecorder(), slow)
		go trickle.Write([]byte(`{"session":"`))
		synctest.Wait()

		auth := softauth.New()
		auth.UV, auth.Origin = true, testOrigin
		if out := h.register(auth, ceremony.KindPlatform); out.Credential == "" {
			t.Error("register finish answered no credential token")
		}
		trickle.CloseWithError(io.ErrUnexpectedEOF)
	})
}
