package appwrite

import "actas/demo/internal/netfault"

// HostileString is the text hostile mode (Knobs.Hostile) appends to every string the demo
// serves. It holds one of everything a terminal must never receive from server text:
// every C0 control and DEL; C1 controls as UTF-8 code points and as raw 8-bit bytes;
// CSI, OSC (title, hyperlink, clipboard), DCS, APC and RIS sequences; bidi controls; a
// forged impersonation banner; 5,000 combining marks on one letter; 10,000 wide
// characters; and invalid UTF-8. It is about 41 KB.
func HostileString() string { return hostileText(5_000, 10_000) }

// ShortHostileString is HostileString with only 50 combining marks and 100 wide
// characters, for fast tests.
func ShortHostileString() string { return hostileText(50, 100) }

// ForgedBanner is the fake impersonation banner inside the hostile strings.
const ForgedBanner = "IMPERSONATING ada@example.com (ada) · operator support@example.com · ctrl+x stop"

func hostileText(marks, wide int) string { return netfault.HostileText(ForgedBanner, marks, wide) }
