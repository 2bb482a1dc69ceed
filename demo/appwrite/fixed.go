package appwrite

import "actas/demo/internal/world"

// Demo-only credentials, printed by `actas demo` and listed in the README. They exist only in
// this sandbox backend. The people are the world's fixed people; the passwords, the
// impersonator flag and the TOTP secret are Appwrite's own.
const (
	DefaultProject = "demo"

	OperatorEmail    = world.OperatorEmail
	OperatorPassword = "support-demo"
	OperatorID       = world.OperatorID

	ViewerEmail    = world.ViewerEmail
	ViewerPassword = "viewer-demo"
	ViewerID       = world.ViewerID

	MFAEmail    = world.MFAEmail
	MFAPassword = "mfa-demo"
	MFAID       = world.MFAID
	// MFATOTPSecret is the base32 TOTP secret of the MFA operator (e.g. `oathtool --totp -b`).
	MFATOTPSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

	AdaID    = world.AdaID
	AdaEmail = world.AdaEmail
	AdaPhone = world.AdaPhone

	BlockedID    = world.BlockedID
	BlockedEmail = world.BlockedEmail

	EscapeID   = world.EscapeID
	LongNameID = world.LongNameID
	// OperatorTargetID is an impersonator that is also a possible target.
	OperatorTargetID = world.OperatorTargetID
)

// EscapeName is the name of a user whose name tries to clear the screen, paint a fake
// banner, set the window title, move the cursor and reverse the text direction.
const EscapeName = world.EscapeName

// fixedUsers are the fixed demo accounts, as seeded before any generated user.
func fixedUsers() []user { return usersOf(world.FixedPeople()) }

// addAppwriteOnly gives a fixed account what only the Appwrite dialect has: a password
// (only these accounts can sign in), the impersonator flag, a TOTP secret, prefs.
func addAppwriteOnly(u *user) {
	switch u.id {
	case OperatorID:
		u.impersonator, u.password = true, hashPassword(OperatorPassword)
	case ViewerID:
		u.password = hashPassword(ViewerPassword)
	case MFAID:
		u.impersonator, u.totpSecret, u.password = true, MFATOTPSecret, hashPassword(MFAPassword)
	case OperatorTargetID:
		u.impersonator = true
	case AdaID:
		u.prefs = map[string]any{"theme": "dark", "language": "en-GB", "newsletter": false}
	}
}
