/**
 * GraphQL refuses variables of the wrong type before any resolver runs, in graphql-js's words.
 * Those are validation errors of an input field: this names the field and says what was
 * expected. The `$input` variable holds the fields themselves (for v1, the request body), so
 * its name is dropped from the path.
 */
import type { GraphQLError } from 'graphql';
import { ValidationError } from '../errors.js';

const invalidVariable =
  /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/;

const reasons: [RegExp, (match: RegExpExecArray) => { suffix?: string; reason: string }][] = [
  [/^Field "(\w+)" is not defined by type/, (m) => ({ suffix: m[1], reason: 'unknown field' })],
  [
    /^Field "(\w+)" of required type .* was not provided/,
    (m) => ({ suffix: m[1], reason: 'is required' }),
  ],
  [/^Boolean cannot represent/, () => ({ reason: 'expected true or false' })],
  [
    /^Int cannot represent non 32-bit/,
    () => ({ reason: 'expected an integer in the 32-bit range' }),
  ],
  [/^Int cannot represent/, () => ({ reason: 'expected an integer' })],
  [/^String cannot represent/, () => ({ reason: 'expected a string' })],
  [/^ID cannot represent/, () => ({ reason: 'expected a string' })],
  [/^Expected type "\w+" to be an object/, () => ({ reason: 'expected an object' })],
  [/^Expected non-nullable type .* not to be null/, () => ({ reason: 'must not be null' })],
  [/^Value .* does not exist in "\w+" enum/, () => ({ reason: 'not one of the allowed values' })],
];

const missingVariable =
  /^Variable "\$(\w+)" of (?:non-null|required) type "[^"]+" (must not be null|was not provided)/;

/** The validation error a variable-coercion error stands for, or undefined if it is not one. */
export function coercionError(error: GraphQLError): ValidationError | undefined {
  const missing = missingVariable.exec(error.message);
  if (missing) {
    const [, variable = 'body', how] = missing;
    return new ValidationError(
      variable,
      how === 'was not provided' ? 'is required' : 'must not be null',
    );
  }
  const match = invalidVariable.exec(error.message);
  if (!match) return undefined;
  const [, variable = '', at, message = ''] = match;
  const path = (at ?? variable).replace(/\[(\d+)\]/g, '.$1').split('.');
  if (path[0] === 'input') path.shift();

  for (const [pattern, explain] of reasons) {
    const found = pattern.exec(message);
    if (!found) continue;
    const { suffix, reason } = explain(found);
    const field = [...path, ...(suffix ? [suffix] : [])].join('.') || 'body';
    return new ValidationError(field, reason);
  }
  return new ValidationError(path.join('.') || 'body', message.replace(/\.$/, ''));
}
