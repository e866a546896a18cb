import { Alert, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { explain } from '../../components/ErrorNotice';
import type { IncubationStage } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import {
  creditCodeFormMessage,
  creditCodeServerMessage,
  isCreditCodeTaken,
} from '../../lib/tenants';
import { certificateState, type CertificateState } from '../firm/firm-profile';
import './tenants.css';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function ToneTag({
  tone,
  children,
  ...rest
}: { tone: Tone; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <span className={`tn-tag tn-tag-${tone}`} {...rest}>
      {children}
    </span>
  );
}

export const CERT_TONES: Record<CertificateState, Tone> = {
  VALID: 'success',
  EXPIRING: 'warning',
  LAPSED: 'neutral',
  NOT_YET_VALID: 'info',
};

/** The incubation stage's colour (its words are incubationStages.*). */
export const INCUBATION_TONES: Record<IncubationStage, Tone> = {
  INCUBATING: 'success',
  DUE_TO_GRADUATE: 'warning',
  OVERSTAYING: 'danger',
  GRADUATED: 'info',
  EXITED: 'neutral',
};

const CERT_ORDER: Record<CertificateState, number> = {
  VALID: 0,
  EXPIRING: 1,
  NOT_YET_VALID: 2,
  LAPSED: 3,
};

interface Cert {
  id: string;
  kind: 'HIGH_TECH' | 'SRDI' | 'TECH_SME';
  issuedOn: string;
  expiresOn?: string | null;
}

/** A tenant's certificates as tags: valid ones first, a lapsed one said to be lapsed. */
export function CertificateTags({ list, today }: { list: readonly Cert[]; today: string }) {
  const { t } = useTranslation('tenants');
  if (list.length === 0) return <span className="tn-muted">{t('none')}</span>;
  const shown = list
    .map((c) => ({ c, state: certificateState(c, today) }))
    .sort((a, b) => CERT_ORDER[a.state] - CERT_ORDER[b.state]);
  return (
    <>
      {shown.map(({ c, state }) => {
        const kind = t(`certKinds.${c.kind}`);
        const text =
          state === 'LAPSED'
            ? t('list.lapsed', { kind })
            : state === 'NOT_YET_VALID'
              ? t('list.notYet', { kind })
              : kind;
        return (
          <ToneTag key={c.id} tone={CERT_TONES[state]} data-kind={c.kind} data-status={state}>
            {text}
          </ToneTag>
        );
      })}
    </>
  );
}

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return <BaseSelect className={className ? `tn-select ${className}` : 'tn-select'} {...props} />;
}

/**
 * The rules of a credit-code field: what can no longer become a valid code is said while it is
 * typed; a code too short once the field is left or the form is sent. The same rule as the
 * API's (@jcv/credit-code), in the console's words.
 */
export function creditCodeRules(t: TFunction<'tenants'>, required: boolean): Rule[] {
  const check =
    (mode: 'typing' | 'whole') =>
    (_: unknown, value: string | undefined): Promise<void> => {
      const problem = creditCodeFormMessage(value, mode);
      return problem
        ? Promise.reject(new Error(t(problem.key, problem.values)))
        : Promise.resolve();
    };
  return [
    ...(required ? [{ required: true, whitespace: true, message: t('creditCode.required') }] : []),
    { validator: check('typing') },
    { validateTrigger: 'onBlur', validator: check('whole') },
  ];
}

/**
 * Puts the API's field problems (extensions.fields) next to the form's fields; what names no
 * field of the form is returned, to be shown above the buttons. The API's refusal of a credit
 * code is told in the console's words, and a code registered already (a CONFLICT) is put next
 * to the credit-code field too.
 */
export function placeFieldProblems<T>(
  err: unknown,
  form: FormInstance<T>,
  fields: readonly string[],
  t: TFunction<'tenants'>,
): unknown {
  const e = explain(err);
  const byField = problemsByField(e.fields);
  if (e.code === 'CONFLICT' && fields.includes('creditCode') && isCreditCodeTaken(e.message)) {
    byField.creditCode = t('creditCode.taken');
  } else if (byField.creditCode) {
    const words = creditCodeServerMessage(byField.creditCode);
    if (words) byField.creditCode = t(words.key, words.values);
  }
  const placed = Object.entries(byField).filter(([name]) => fields.includes(name));
  form.setFields(
    placed.map(([name, message]) => ({ name: name as never, errors: [message] })) as never,
  );
  return placed.length === 0 || placed.length < Object.keys(byField).length ? err : null;
}

/** What the API refused that names no field of the form, in words. */
export function FormProblem({ error }: { error: unknown }) {
  const { t } = useTranslation('tenants');
  const { t: tc } = useTranslation();
  if (!error) return null;
  const e = explain(error);
  const fields = e.fields.map((f) => `${f.field} ${f.message}`).join('；');
  const text =
    e.code === 'BAD_USER_INPUT' && fields ? fields : (e.message ?? tc(`errors.${e.code}`));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={`${t('form.failed')}${text}`}
    />
  );
}
