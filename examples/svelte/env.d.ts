/// <reference types="passwordless-login/svelte" />
