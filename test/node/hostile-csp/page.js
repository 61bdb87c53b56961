// Creates the element from the test server's /config.json, as a host page would.
const config = await fetch('/config.json').then((r) => r.json());
const el = document.createElement('passwordless-login');
el.setAttribute('user-pool-id', config.userPoolId);
el.setAttribute('client-id', config.clientId);
el.setAttribute('endpoint', config.endpoint);
document.getElementById('main').append(el);
