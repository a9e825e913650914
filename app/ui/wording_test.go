package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/passkey-doctor/passkey-doctor/app/catalog"
)

// uiID matches a whole catalogue id written in the page's source.
var uiID = regexp.MustCompile(`"((?:ui|cause|finding|step|os|browser|agent|report)\.[A-Za-z0-9.\-]*[A-Za-z0-9])"`)

// TestEveryIDThePageUsesHasText reads the page's source for catalogue ids,
// so a typo shows up here rather than as a raw id on screen.
func TestEveryIDThePageUsesHasText(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range uiID.FindAllStringSubmatch(string(src), -1) {
			ids[m[1]] = true
		}
	}
	// Ids the page builds from a test kind.
	for _, k := range testKinds {
		ids["ui.test."+string(k)+".title"] = true
		ids["ui.test."+string(k)+".intro"] = true
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d ids; is the pattern right?", len(ids))
	}
	for id := range ids {
		for _, lang := range catalog.Languages {
			if _, ok := catalog.Lookup(lang, id); !ok {
				t.Errorf("%s has no %s text", id, lang)
			}
		}
	}
}
