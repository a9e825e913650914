package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCIRunUpdatesPackageListsBeforeInstalling runs .ci/run with stand-ins
// for apt-get, go and make on an otherwise empty PATH: whatever it has to
// install, it runs apt-get update once first, because a fresh image has no
// package lists.
func TestCIRunUpdatesPackageListsBeforeInstalling(t *testing.T) {
	const install = "install -y --no-install-recommends "
	tests := []struct {
		name      string
		installed []string
		want      []string
	}{
		{"a fresh machine gets the browser and npm", nil,
			[]string{"update", install + "chromium chromium-driver", install + "nodejs npm"}},
		{"a machine with the browser but no npm gets npm", []string{"chromium", "chromedriver"},
			[]string{"update", install + "nodejs npm"}},
		{"a machine with everything installs nothing", []string{"chromium", "chromedriver", "npm"},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin := t.TempDir()
			for _, tool := range []string{"bash", "dirname", "chmod"} {
				p, err := exec.LookPath(tool)
				if err != nil {
					t.Skipf("%s is not installed", tool)
				}
				if err := os.Symlink(p, filepath.Join(bin, tool)); err != nil {
					t.Fatal(err)
				}
			}
			log := filepath.Join(bin, "apt.log")
			stub := func(name, body string) {
				t.Helper()
				if err := os.WriteFile(filepath.Join(bin, name), []byte("#!"+filepath.Join(bin, "bash")+"\n"+body+"\n"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			// apt-get logs its arguments and "installs" each package as a
			// command (chromium-driver provides chromedriver).
			stub("apt-get", `echo "$*" >> `+log+`
if [ "$1" = install ]; then
  for p in "$@"; do
    case "$p" in -*|install) ;; chromium-driver) : > "`+bin+`/chromedriver"; chmod +x "`+bin+`/chromedriver";; *) : > "`+bin+`/$p"; chmod +x "`+bin+`/$p";; esac
  done
fi`)
			stub("go", "exit 0")
			stub("make", "exit 0")
			for _, tool := range tt.installed {
				stub(tool, "exit 0")
			}

			cmd := exec.Command(filepath.Join(bin, "bash"), filepath.Join("..", ".ci", "run"))
			cmd.Env = []string{"PATH=" + bin, "HOME=" + t.TempDir()}
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf(".ci/run: %v\n%s", err, out)
			}
			b, err := os.ReadFile(log)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			var got []string
			if s := strings.TrimSpace(string(b)); s != "" {
				got = strings.Split(s, "\n")
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("apt-get calls (-want +got):\n%s", diff)
			}
		})
	}
}
