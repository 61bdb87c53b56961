import 'passwordless-login'; // registers <passwordless-login>

document.querySelector('passwordless-login').addEventListener('signed-in', (event) => {
  document.querySelector('output').textContent = `Signed in as ${event.detail.user.email}`;
});
