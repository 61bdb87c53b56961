// A file, not an inline <script>: the Content-Security-Policy above allows no inline code.
const login = document.querySelector('passwordless-login');

login.addEventListener('signed-in', (event) => {
  const { user, tokens } = event.detail;
  document.querySelector('output').textContent = `Signed in as ${user.email}`;
  // Send tokens.accessToken to your backend as `Authorization: Bearer …` and verify it there.
});
