// The benchmark's peer: AWS Amplify UI's React Authenticator set up for passwordless sign-in with
// email codes only, as its documentation describes (`passwordless`, `loginMechanisms`,
// `signUpAttributes`), against the same local emulator as the element. Bundled by
// bench/lib/peer-build.mjs (esbuild, minified) into bench/.build/peer.js + peer.css and served as
// bench/pages/peer.html. Nothing here is tuned for the benchmark: it is the page a site owner would
// write from the Authenticator's docs.
import { Amplify } from 'aws-amplify';
import { Authenticator } from '@aws-amplify/ui-react';
import '@aws-amplify/ui-react/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const { userPoolId, clientId, endpoint } = document.body.dataset;
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId,
      userPoolClientId: clientId,
      userPoolEndpoint: endpoint,
      loginWith: { email: true },
      signUpVerificationMethod: 'code',
      userAttributes: { email: { required: true } },
      // What amplify_outputs.json says of a pool with email codes enabled (Amplify Gen 2's
      // `otpLogin: true`); the Authenticator reads it to offer EMAIL_OTP.
      passwordless: { emailOtpEnabled: true, preferredChallenge: 'EMAIL_OTP' },
    },
  },
});

function App() {
  return (
    <Authenticator
      loginMechanisms={['email']}
      signUpAttributes={['email']}
      passwordless={{
        preferredAuthMethod: 'EMAIL_OTP',
        // The pool offers email codes only, like the element's: no password, SMS or passkey choices.
        hiddenAuthMethods: ['PASSWORD', 'SMS_OTP', 'WEB_AUTHN'],
        passkeyRegistrationPrompts: false,
      }}
    >
      {({ signOut, user }) => (
        <main data-signed-in="">
          <p>Signed in as {user?.signInDetails?.loginId ?? user?.username}</p>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </main>
      )}
    </Authenticator>
  );
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
