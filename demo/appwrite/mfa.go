package appwrite

import (
	"net/http"
	"slices"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// mfaChallenge is a pending second-factor check.
type mfaChallenge struct {
	id      string
	user    int32
	created int64
	expire  int64
}

const challengeLifetime = 15 * time.Minute

func (u *user) factors() map[string]bool {
	return map[string]bool{
		"totp":         u.totpSecret != "",
		"email":        u.email != "" && u.emailVerified,
		"phone":        u.phone != "" && u.phoneVerified,
		"recoveryCode": false,
	}
}

func listFactors(x *exchange) *apiError {
	return x.reply(http.StatusOK, x.effective().factors())
}

func createChallenge(x *exchange) *apiError {
	var body struct {
		Factor string `json:"factor"`
	}
	if err := x.decode(&body); err != nil {
		return err
	}
	switch body.Factor {
	case "totp":
	case "email", "phone", "recoveryCode", "recoverycode":
		return errArgument("factor", "the demo backend delivers no messages; use totp")
	default:
		return errArgument("factor", "Value must be one of (email, phone, totp, recoverycode)")
	}
	if !x.effective().factors()["totp"] {
		return errorf(400, "user_authenticator_not_found", "Authenticator could not be found on the current user.")
	}
	now := x.now.UnixMilli()
	ch := &mfaChallenge{id: newID(), user: x.c.effective, created: now, expire: x.now.Add(challengeLifetime).UnixMilli()}
	x.st.challenge[ch.id] = ch
	x.record("challenge.create")
	return x.reply(http.StatusCreated, map[string]string{
		"$id": ch.id, "$createdAt": formatTime(ch.created), "userId": x.effective().id, "expire": formatTime(ch.expire),
	})
}

func updateChallenge(x *exchange) *apiError {
	var body struct {
		ChallengeID string `json:"challengeId"`
		OTP         string `json:"otp"`
	}
	if err := x.decode(&body); err != nil {
		return err
	}
	ch := x.st.challenge[body.ChallengeID]
	if ch == nil || ch.user != x.c.effective || ch.expire <= x.now.UnixMilli() {
		return errInvalidToken
	}
	valid, _ := totp.ValidateCustom(body.OTP, x.effective().totpSecret, x.now,
		totp.ValidateOpts{Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if !valid {
		return errInvalidToken
	}
	delete(x.st.challenge, ch.id)
	sess := x.c.sess
	if !slices.Contains(sess.factors, "totp") {
		sess.factors = append(sess.factors, "totp")
	}
	sess.mfaUpdatedAt = x.now.UnixMilli()
	sess.updated = sess.mfaUpdatedAt
	x.record("session.update")
	return x.reply(http.StatusOK, sess.json(x.st.users[sess.user].id, true))
}

// TOTPCode is the current code of a TOTP secret; `actas demo totp` prints it for the MFA
// operator so that the demo needs no authenticator app.
func TOTPCode(secret string, at time.Time) (string, error) {
	return totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
}
