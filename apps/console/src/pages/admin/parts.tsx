import type { ChangeEvent } from 'react';
import { explain } from '../../components/ErrorNotice';
import { problemsByField } from '../../lib/api-errors';
import { localizeAccountProblem } from '../../lib/admin';
import './admin.css';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return <BaseSelect className={className ? `adm-select ${className}` : 'adm-select'} {...props} />;
}

/** Form.Item reads a native element's value from its change event. */
export const fromEvent = (e: ChangeEvent<HTMLSelectElement>) => e.target.value;

export interface PlacedProblems {
  /** Each problem of a field shown on the form, localized, by field name. */
  onForm: { name: string; errors: string[] }[];
  /** Problems of fields the form does not show, or the error as a sentence. */
  elsewhere: string | null;
  code: string;
}

/**
 * An API error split between the form's fields (each message next to its field, in the
 * console's language) and a sentence for the rest. `fallback(code)` words an error the API did
 * not explain; `conflictField` takes a CONFLICT (a taken email, say) next to that field.
 */
export function placeProblems(
  err: unknown,
  fields: readonly string[],
  language: string,
  fallback: (code: string) => string,
  conflictField?: string,
): PlacedProblems {
  const e = explain(err);
  const byField = problemsByField(e.fields);
  if (e.code === 'CONFLICT' && conflictField && e.message && !(conflictField in byField))
    byField[conflictField] = e.message;
  const onForm: PlacedProblems['onForm'] = [];
  const rest: string[] = [];
  for (const [name, msg] of Object.entries(byField)) {
    const said = localizeAccountProblem(msg, language, name);
    if (fields.includes(name)) onForm.push({ name, errors: [said] });
    // The record acted on (`id`) needs no name: the sentence says which it is.
    else rest.push(name === 'id' ? said : `${name}: ${said}`);
  }
  let elsewhere: string | null = rest.length ? rest.join('；') : null;
  if (!onForm.length && !rest.length)
    elsewhere = e.message ? localizeAccountProblem(e.message, language) : fallback(e.code);
  return { onForm, elsewhere, code: e.code };
}
