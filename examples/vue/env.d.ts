/// <reference types="passwordless-login/vue" />
