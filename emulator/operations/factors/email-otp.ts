/** EMAIL_OTP: an 8-digit code mailed to the user, answered with EMAIL_OTP_CODE. */
import { codesEqual, newCode } from '../../codes.js';
import { errors } from '../../errors.js';
import { checkSendLimit, deliver, maskEmail, recordSend, renderCodeMail } from '../code-mail.js';
import { signIn } from '../token-families.js';
import type { FirstFactor } from './factor.js';

const SIGN_IN_CODE_DIGITS = 8;

/** The EMAIL_OTP challenge; also what a simulated (unknown) user is shown, so the two look alike. */
export function otpChallenge(email: string, session: string) {
  return {
    AvailableChallenges: ['EMAIL_OTP'],
    ChallengeName: 'EMAIL_OTP',
    ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: maskEmail(email) },
    Session: session,
  };
}

export const emailOtp: FirstFactor = {
  name: 'EMAIL_OTP',
  // Every confirmed user has a verified email to receive it.
  offeredTo: () => true,
  async start(d, user, { username, clientId, clientMetadata }) {
    const now = Date.now();
    checkSendLimit(d, user, now);
    const code = newCode(SIGN_IN_CODE_DIGITS);
    const rendered = await renderCodeMail(d, 'CustomMessage_Authentication', user, code, clientMetadata);
    recordSend(d, user, now);
    d.store.save();
    const session = d.sessions.issue({ kind: 'otp', username, clientId, sub: user.sub, code });
    deliver(d, user, 'sign-in', code, rendered);
    return otpChallenge(user.attributes.email ?? username, session);
  },
  async simulate(d, phantom, { username, clientId }) {
    return otpChallenge(username, d.sessions.issue({ kind: 'otp', username, clientId, phantomSub: phantom.sub }, true));
  },
  challenges: {
    EMAIL_OTP: {
      sessionKind: 'otp',
      async answer(d, session, responses) {
        const code = responses.EMAIL_OTP_CODE;
        if (code === undefined) throw errors.missingAuthParameter('EMAIL_OTP_CODE');
        // A simulated session (unknown user) can never succeed; [U] Cognito's answer is a mismatch.
        if (session.simulated) throw errors.otpMismatch();
        const user = d.store.userBySub(session.sub!);
        if (user === undefined) throw errors.sessionInvalid();
        // A wrong code leaves the session usable; a superseded code never matches again.
        if (!d.sessions.isLatestOtp(session) || !codesEqual(session.code ?? '', code)) throw errors.otpMismatch();
        d.sessions.markUsed(session.id);
        user.attributes.email_verified = 'true';
        return signIn(d, user, session.clientId);
      },
    },
  },
};
