// Creates the element from the server's /config.json, as a host page would; `?lang=` sets its language.
const config = await fetch('/config.json').then((r) => r.json());
const el = document.createElement('passwordless-login');
el.setAttribute('user-pool-id', config.userPoolId);
el.setAttribute('client-id', config.clientId);
el.setAttribute('endpoint', config.endpoint);
const lang = new URLSearchParams(location.search).get('lang');
if (lang) document.documentElement.lang = lang;
document.getElementById('main').append(el);
