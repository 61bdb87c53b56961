// Mistakes the typings catch: ngc must report exactly these two errors.
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import 'passwordless-login';
import type { CodeSentEvent } from 'passwordless-login';

@Component({
  selector: 'app-wrong',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<passwordless-login (signed-in)="onCodeSent($event)" (code-sent)="log($event.detail.nope)"></passwordless-login>`,
})
export class WrongComponent {
  onCodeSent(event: CodeSentEvent) {
    console.log(event.detail.destination);
  }
  log(value: unknown) {
    console.log(value);
  }
}
