package bench

import (
	"context"
	"flag"
	"fmt"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/ceremony"
)

var (
	abandoned = flag.Int("mem.begins", 100000, "abandoned begins of BenchmarkAbandonedBegins")
	warmUp    = flag.Int("mem.warmup", 5000, "begins of BenchmarkAbandonedBegins before the measured ones")
)

// goalGrowth is how much a stateless server may grow over the abandoned
// begins: nothing is kept per ceremony, so only buffers and pools grow.
const goalGrowth = 20 << 20

// BenchmarkAbandonedBegins reads the server process's VmRSS idle, after
// mem.warmup begins (connections, buffers and the heap at load), and after
// mem.begins more (half registrations, half sign-ins) that are never
// finished, right away (no idle time for the runtime to return memory). A
// server that kept session state would grow with every begin; the goal is
// on the growth after the warm-up, and the growth from idle is reported
// too.
func BenchmarkAbandonedBegins(b *testing.B) {
	for b.Loop() {
		srv := startServer(b)
		base := "http://localhost:" + srv.Port()
		idle, err := srv.RSS()
		if err != nil {
			b.Fatal(err)
		}
		abandon(b, srv.Addr, base, *warmUp)
		before, err := srv.RSS()
		if err != nil {
			b.Fatal(err)
		}
		abandon(b, srv.Addr, base, *abandoned)
		after, err := srv.RSS()
		if err != nil {
			b.Fatal(err)
		}
		growth := after - before
		b.ReportMetric(float64(idle)/(1<<20), "rss-idle-MiB")
		b.ReportMetric(float64(before)/(1<<20), "rss-before-MiB")
		b.ReportMetric(float64(after)/(1<<20), "rss-after-MiB")
		b.ReportMetric(float64(growth)/(1<<20), "rss-growth-MiB")
		b.ReportMetric(float64(after-idle)/(1<<20), "rss-growth-from-idle-MiB")
		record("server RSS, abandoned begins", fmt.Sprintf("%s → %s (+%s)", mib(float64(before)), mib(float64(after)), mib(float64(growth))),
			fmt.Sprintf("%d begins after %d warm-up; goal growth ≤ %s: %s; idle %s (+%s from idle)",
				*abandoned, *warmUp, mib(goalGrowth), verdict(growth <= goalGrowth), mib(float64(idle)), mib(float64(after-idle))))
	}
}

// abandon sends n begins, half registrations and half sign-ins, and never
// finishes them.
func abandon(b *testing.B, addr, base string, n int) {
	b.Helper()
	half := n / 2
	run(b, context.Background(), addr, base+ceremony.PathRegisterBegin,
		repeat(mustJSON(b, ceremony.RegisterBeginRequest{Kind: ceremony.KindPlatform}), half), *apiConns, false)
	run(b, context.Background(), addr, base+ceremony.PathLoginBegin,
		repeat(mustJSON(b, ceremony.LoginBeginRequest{Kind: ceremony.KindExisting, Discoverable: true}), n-half), *apiConns, false)
}
