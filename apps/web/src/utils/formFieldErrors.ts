import { isDisplayableServerText, type AppError } from '../graphql/errors';

export interface FieldErrors<Field extends string> {
  name: Field;
  errors: string[];
}

/**
 * The per-field messages of a VALIDATION_FAILED answer for the fields of a form, for
 * `form.setFields(…)`. A server field matches by its full path (`username`) or its last
 * segment (`input.username`). Messages not meant for people (English validator text, or
 * Chinese text in the English UI) are replaced by `fallback`.
 */
export function formFieldErrors<Field extends string>(
  error: AppError,
  fields: readonly Field[],
  language: string,
  fallback: string,
): FieldErrors<Field>[] {
  const byField = new Map<Field, string[]>();
  for (const [path, messages] of Object.entries(error.fieldErrors ?? {})) {
    const name = fields.find((f) => f === path || f === path.split('.').pop());
    if (!name) continue;
    const texts = messages.map((m) => (isDisplayableServerText(m, language) ? m : fallback));
    byField.set(name, [...new Set([...(byField.get(name) ?? []), ...texts])]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}
