import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'passwordless-login';
import type { SessionUser, SignedInEvent } from 'passwordless-login';

@Component({
  selector: 'app-login',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    @if (user(); as u) {
      <p>Signed in as {{ u.email }}</p>
    } @else {
      <passwordless-login user-pool-id="eu-west-1_AbCdEf123" client-id="1example23456789abcdefghij"
        (signed-in)="onSignedIn($event)"></passwordless-login>
    }
  `,
})
export class LoginComponent {
  readonly user = signal<SessionUser | null>(null);

  onSignedIn(event: SignedInEvent) {
    this.user.set(event.detail.user);
  }
}
