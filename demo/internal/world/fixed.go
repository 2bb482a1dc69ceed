package world

import (
	"strings"
	"time"
)

// The fixed people every demo knows by heart: demo-only staff who sign in, and targets
// chosen for what they exercise (a blocked account, hostile and non-Latin names). Their ids
// are short handles so that docs and tests can name them.
const (
	OperatorID    = "support"
	OperatorEmail = "support@example.com"

	ViewerID    = "viewer"
	ViewerEmail = "viewer@example.com"

	MFAID    = "mfa"
	MFAEmail = "mfa@example.com"

	// OperatorTargetID is staff who is also a member of an organization, so a possible target.
	OperatorTargetID = "olive"

	AdaID    = "ada"
	AdaEmail = "ada@example.com"
	AdaPhone = "+14155550100"

	BlockedID    = "mallory"
	BlockedEmail = "mallory@example.com"

	EscapeID   = "escape"
	LongNameID = "longname"
)

// EscapeName is the name of a person whose name tries to clear the screen, paint a fake
// banner, set the window title, move the cursor and reverse the text direction. The C1
// CSI is the code point U+009B (a raw 0x9b byte is not UTF-8 and would reach clients as
// U+FFFD).
const EscapeName = "\x1b[2J\x1b[41mIMPERSONATING nobody\r\x1b]0;pwned\x07\u009b1A\b\b\u202eevil\x1b[0m"

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 9, 30, 0, 0, time.UTC)
}

// LongName is exactly 300 characters long.
func LongName() string {
	base := "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Sr., Baron of Kleinwelzheim-Oberhausen-Unterbach "
	return strings.TrimSpace(strings.Repeat(base, 4)[:301])[:300]
}

// FixedPeople returns a fresh copy of the fixed people, in their seeded order.
func FixedPeople() []Person {
	staff := []string{"staff"}
	p := []Person{
		{ID: OperatorID, Name: "Sam Support", Given: "Sam", Family: "Support", Email: OperatorEmail, Phone: "+14155550101",
			Tags: staff, Registered: day(2019, 1, 2)},
		{ID: ViewerID, Name: "Vera Viewer", Given: "Vera", Family: "Viewer", Email: ViewerEmail, Tags: staff,
			Registered: day(2019, 1, 3)},
		{ID: MFAID, Name: "Morgan Mfa", Given: "Morgan", Family: "Mfa", Email: MFAEmail, Tags: staff, TwoFactor: true,
			Registered: day(2019, 1, 4)},
		{ID: OperatorTargetID, Name: "Olive Operator", Given: "Olive", Family: "Operator", Email: "olive@example.com",
			Tags: staff, Registered: day(2019, 1, 5)},
		{ID: AdaID, Name: "Ada Lovelace", Given: "Ada", Family: "Lovelace", Email: AdaEmail, Phone: AdaPhone,
			Locale: "en-GB", Tags: []string{"vip", "beta"}, Registered: day(2019, 2, 10), LastSeen: day(2026, 10, 30),
			PhoneVerified: true},
		{ID: BlockedID, Name: "Mallory Blocked", Given: "Mallory", Family: "Blocked", Email: BlockedEmail,
			Phone: "+14155550102", Tags: []string{"churn-risk"}, Registered: day(2019, 3, 1), LastSeen: day(2025, 12, 24)},
		{ID: EscapeID, Name: EscapeName, Given: EscapeName, Email: "escape@example.com", Registered: day(2019, 4, 1)},
		{ID: LongNameID, Name: LongName(), Given: LongName(), Email: "longname@example.com", Registered: day(2019, 4, 2)},
		{ID: "yuki", Name: "山田 由紀", Given: "由紀", Family: "山田", Email: "yuki.yamada@example.jp", Phone: "+819012345678",
			Locale: "ja-JP", Registered: day(2019, 5, 1)},
		{ID: "wei", Name: "王伟", Given: "伟", Family: "王", Email: "wang.wei@example.cn", Phone: "+8613800138000",
			Locale: "zh-CN", Registered: day(2019, 5, 2)},
		{ID: "olga", Name: "Ольга Смирнова", Given: "Ольга", Family: "Смирнова", Email: "olga.smirnova@example.ru",
			Locale: "ru-RU", Registered: day(2019, 5, 3)},
		{ID: "amina", Name: "أمينة الحسيني", Given: "أمينة", Family: "الحسيني", Email: "amina@example.eg",
			Locale: "ar-EG", Registered: day(2019, 5, 4)},
		{ID: "priya", Name: "प्रिया शर्मा", Given: "प्रिया", Family: "शर्मा", Email: "priya.sharma@example.in",
			Locale: "hi-IN", Registered: day(2019, 5, 5)},
		{ID: "eleni", Name: "Ελένη Παπαδοπούλου", Given: "Ελένη", Family: "Παπαδοπούλου", Email: "eleni@example.gr",
			Locale: "el-GR", Registered: day(2019, 5, 6)},
		{ID: "minjun", Name: "김민준", Given: "민준", Family: "김", Email: "minjun.kim@example.kr",
			Locale: "ko-KR", Registered: day(2019, 5, 7)},
		{ID: "noa", Name: "נועה כהן", Given: "נועה", Family: "כהן", Email: "noa.cohen@example.il",
			Locale: "he-IL", Registered: day(2019, 5, 8)},
		{ID: "thao", Name: "Nguyễn Thị Thảo", Given: "Thảo", Family: "Nguyễn Thị", Email: "thao.nguyen@example.vn",
			Locale: "vi-VN", Registered: day(2019, 5, 9)},
		{ID: "zoe", Name: "Zoë Ångström-Ørsted", Given: "Zoë", Family: "Ångström-Ørsted", Email: "zoe@example.se",
			Locale: "sv-SE", Registered: day(2019, 5, 10)},
		{ID: "unicorn", Name: "🦄 Ünïcörn Ädmin 🚀", Given: "🦄 Ünïcörn", Family: "Ädmin 🚀", Email: "unicorn@example.com",
			Registered: day(2019, 5, 11)},
	}
	for i := range p {
		p[i].Active = p[i].ID != BlockedID
		p[i].EmailVerified = true
		p[i].PasswordChanged = p[i].Registered
		if p[i].Locale == "" {
			p[i].Locale = "en-US"
		}
	}
	return p
}
