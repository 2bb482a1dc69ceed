package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Every mix of long and short operators, emails, ids, names and reasons, from 30 to 200
// columns (every seventh) and at three heights: the stop key always shows, every line is exactly the width,
// the banner fits its height, and the identity is cut only when the height cannot hold it.
func TestBannerPropertiesAcrossSizes(t *testing.T) {
	t.Parallel()
	st := NewStyles(true)
	now := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	ops := []string{"support@example.com", strings.Repeat("o", 50) + "@example.com"}
	emails := []string{"ada@example.com", strings.Repeat("a", 60) + "@example.com", strings.Repeat("b", 64) + "@" + strings.Repeat("c", 185) + ".com"}
	ids := []string{"ada", strings.Repeat("i", 36)}
	names := []string{"", "Ada Lovelace ada@example.com (ada)" + strings.Repeat(" ", 40), strings.Repeat("名", 200)}
	reasons := []string{"", strings.Repeat("r", 200)}
	fails := 0
	for _, op := range ops {
		for _, em := range emails {
			for _, id := range ids {
				for _, nm := range names {
					for _, rs := range reasons {
						for width := 30; width <= 200; width += 7 {
							for _, height := range []int{8, 12, 40} {
								info := bannerInfo{Name: nm, Email: em, ID: id, Operator: op, Started: now, Reason: rs, StopKey: "ctrl+x"}
								out := ansi.Strip(string(renderBanner(st, info, now, width, height-3)))
								lines := strings.Split(out, "\n")
								var tl []string
								for _, l := range lines {
									tl = append(tl, strings.TrimRight(l, " "))
								}
								flat := strings.Join(tl, "")
								bad := ""
								for _, l := range lines {
									if ansi.StringWidth(l) != width {
										bad = "line width"
									}
								}
								if len(lines) > height-3 {
									bad = "too many lines"
								}
								if !strings.Contains(flat, "ctrl+x stop") {
									bad += " no stop key"
								}
								// whole email and id expected whenever the height holds the whole banner
								if cut := !strings.Contains(flat, em) || !strings.Contains(flat, "("+id+")"); cut &&
									strings.Count(string(renderBanner(st, info, now, width, 1<<20)), "\n")+1 <= height-3 {
									bad += " identity cut though lines left"
								}
								if bad != "" && fails < 15 {
									fails++
									t.Errorf("w=%d h=%d op=%d em=%d id=%d nm=%d rs=%d: %s\n%s", width, height, len(op), len(em), len(id), len(nm), len(rs), bad, out)
								}
							}
						}
					}
				}
			}
		}
	}
}
