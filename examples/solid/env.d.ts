/// <reference types="passwordless-login/jsx" />
