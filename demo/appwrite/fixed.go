package appwrite

import (
	"strings"
	"time"
)

// Demo-only credentials, printed by `actas demo` and listed in the README. They exist only in
// this sandbox backend.
const (
	DefaultProject = "demo"

	OperatorEmail    = "support@example.com"
	OperatorPassword = "support-demo"
	OperatorID       = "support"

	ViewerEmail    = "viewer@example.com"
	ViewerPassword = "viewer-demo"
	ViewerID       = "viewer"

	MFAEmail    = "mfa@example.com"
	MFAPassword = "mfa-demo"
	MFAID       = "mfa"
	// MFATOTPSecret is the base32 TOTP secret of the MFA operator (e.g. `oathtool --totp -b`).
	MFATOTPSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

	AdaID    = "ada"
	AdaEmail = "ada@example.com"
	AdaPhone = "+14155550100"

	BlockedID    = "mallory"
	BlockedEmail = "mallory@example.com"

	EscapeID   = "escape"
	LongNameID = "longname"
	// OperatorTargetID is an impersonator that is also a possible target.
	OperatorTargetID = "olive"
)

// EscapeName is the name of a user whose name tries to clear the screen, paint a fake
// banner, set the window title, move the cursor and reverse the text direction. The C1
// CSI is the code point U+009B (a raw 0x9b byte is not UTF-8 and would reach clients as
// U+FFFD).
const EscapeName = "\x1b[2J\x1b[41mIMPERSONATING nobody\r\x1b]0;pwned\x07\u009b1A\b\b\u202eevil\x1b[0m"

func day(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 9, 30, 0, 0, time.UTC).UnixMilli()
}

// longName is exactly 300 characters long.
func longName() string {
	base := "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr., Baron of Kleinwelzheim-Oberhausen-Unterbach "
	return strings.TrimSpace(strings.Repeat(base, 4)[:301])[:300]
}

func fixedUsers() []user {
	staff := []string{"staff"}
	u := []user{
		{id: OperatorID, name: "Sam Support", email: OperatorEmail, phone: "+14155550101", labels: staff,
			impersonator: true, registration: day(2019, 1, 2), password: hashPassword(OperatorPassword)},
		{id: ViewerID, name: "Vera Viewer", email: ViewerEmail, labels: staff,
			registration: day(2019, 1, 3), password: hashPassword(ViewerPassword)},
		{id: MFAID, name: "Morgan Mfa", email: MFAEmail, labels: staff, mfa: true, totpSecret: MFATOTPSecret,
			impersonator: true, registration: day(2019, 1, 4), password: hashPassword(MFAPassword)},
		{id: OperatorTargetID, name: "Olive Operator", email: "olive@example.com", labels: staff,
			impersonator: true, registration: day(2019, 1, 5)},
		{id: AdaID, name: "Ada Lovelace", email: AdaEmail, phone: AdaPhone, labels: []string{"vip", "beta"},
			registration: day(2019, 2, 10), accessedAt: day(2026, 10, 30), phoneVerified: true,
			prefs: map[string]any{"theme": "dark", "language": "en-GB", "newsletter": false}},
		{id: BlockedID, name: "Mallory Blocked", email: BlockedEmail, phone: "+14155550102",
			labels: []string{"churn-risk"}, registration: day(2019, 3, 1), accessedAt: day(2025, 12, 24)},
		{id: EscapeID, name: EscapeName, email: "escape@example.com", registration: day(2019, 4, 1)},
		{id: LongNameID, name: longName(), email: "longname@example.com", registration: day(2019, 4, 2)},
		{id: "yuki", name: "山田 由紀", email: "yuki.yamada@example.jp", phone: "+819012345678", registration: day(2019, 5, 1)},
		{id: "wei", name: "王伟", email: "wang.wei@example.cn", phone: "+8613800138000", registration: day(2019, 5, 2)},
		{id: "olga", name: "Ольга Смирнова", email: "olga.smirnova@example.ru", registration: day(2019, 5, 3)},
		{id: "amina", name: "أمينة الحسيني", email: "amina@example.eg", registration: day(2019, 5, 4)},
		{id: "priya", name: "प्रिया शर्मा", email: "priya.sharma@example.in", registration: day(2019, 5, 5)},
		{id: "eleni", name: "Ελένη Παπαδοπούλου", email: "eleni@example.gr", registration: day(2019, 5, 6)},
		{id: "minjun", name: "김민준", email: "minjun.kim@example.kr", registration: day(2019, 5, 7)},
		{id: "noa", name: "נועה כהן", email: "noa.cohen@example.il", registration: day(2019, 5, 8)},
		{id: "thao", name: "Nguyễn Thị Thảo", email: "thao.nguyen@example.vn", registration: day(2019, 5, 9)},
		{id: "zoe", name: "Zoë Ångström-Ørsted", email: "zoe@example.se", registration: day(2019, 5, 10)},
		{id: "unicorn", name: "🦄 Ünïcörn Ädmin 🚀", email: "unicorn@example.com", registration: day(2019, 5, 11)},
	}
	for i := range u {
		u[i].status = u[i].id != BlockedID
		u[i].emailVerified = true
		u[i].passwordUpdate = u[i].registration
		if u[i].updatedAt == 0 {
			u[i].updatedAt = max(u[i].registration, u[i].accessedAt)
		}
	}
	return u
}
