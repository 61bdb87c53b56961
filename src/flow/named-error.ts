/**
 * An Error with a name, shaped like the errors Amplify throws for Cognito's exceptions: the flow's
 * error mapping (cognito-errors.ts) reads `name`, so errors raised here are mapped like Cognito's.
 */
export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
