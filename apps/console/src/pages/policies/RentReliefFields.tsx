import { Button, Checkbox, Form, Input } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import {
  emptyReliefStep,
  type PolicyFormValues,
  RELIEF_STEPS,
  reliefProblems,
  type RentReliefLike,
  type ReliefStepValues,
  type StepField,
} from '../../lib/policies';
import { reliefText } from './relief';

const STEP_FIELDS: readonly StepField[] = ['fromMonth', 'toMonth', 'share'];

/** A step's field in the form: ['steps', index, field]. */
export type StepPath = ['steps', number, StepField];

/** The months of every step: a change to one checks the others again (overlaps, order). */
function monthPaths(count: number): StepPath[] {
  return Array.from({ length: count }, (_, j) => [
    ['steps', j, 'fromMonth'] as StepPath,
    ['steps', j, 'toMonth'] as StepPath,
  ]).flat();
}

/** The step fields of the form (['steps', i, field]) that were typed in or show an error. */
export function stepFieldsToRecheck(form: FormInstance<PolicyFormValues>): StepPath[] {
  const steps = (form.getFieldValue('steps') as ReliefStepValues[] | undefined) ?? [];
  const out: StepPath[] = [];
  steps.forEach((_, i) => {
    for (const field of STEP_FIELDS) {
      const name: StepPath = ['steps', i, field];
      if (form.isFieldTouched(name) || form.getFieldError(name).length) out.push(name);
    }
  });
  return out;
}

/**
 * The rent relief rule of a new RENT_SUBSIDY policy (Policy.rentRelief): ticked, a list of steps
 * (months of residence fromMonth–toMonth and the share relieved) that can be added and removed,
 * and the rate and area caps. Each field is named after its RentReliefInput field (`fromMonth`,
 * `toMonth`, `share`, `maxRatePerSqm`, `maxArea`); a step's fields carry the step's number in
 * their label and the list's index in their id (`steps_0_fromMonth`). The checks are the API's
 * (lib/policies reliefProblems); what the API still refuses shows by the field it names, or by
 * the list (`listErrors`) when it does not say which step.
 */
export function RentReliefFields({
  form,
  check,
  listErrors,
  busy,
}: {
  form: FormInstance<PolicyFormValues>;
  /** The form's own check of a top-level field. */
  check: (name: keyof PolicyFormValues) => Rule;
  /** The API's refusals of the list or of a step it did not number, in words. */
  listErrors: readonly string[];
  busy: boolean;
}) {
  const { t } = useTranslation('policies');
  const ticked = Form.useWatch('rentRelief', form) as boolean | undefined;

  const monthsOf = (step: ReliefStepValues | undefined) => {
    if (!step) return '';
    const [from, to] = [step.fromMonth.trim(), step.toMonth.trim()];
    return from === to ? t('relief.month', { from }) : t('relief.months', { from, to });
  };

  const stepRule = (index: number, field: StepField): Rule => ({
    validator: () => {
      const steps = (form.getFieldValue('steps') as ReliefStepValues[] | undefined) ?? [];
      const problem = reliefProblems(steps).byStep[index] ?? {};
      const p = problem[field];
      if (!p) return Promise.resolve();
      if (p === 'overlap') {
        const other = problem.overlaps ?? 0;
        return Promise.reject(
          new Error(t('form.problems.overlap', { n: other + 1, months: monthsOf(steps[other]) })),
        );
      }
      return Promise.reject(new Error(t(`form.problems.${p}`)));
    },
  });

  const label = (n: number, field: StepField) => (
    <>
      <span className="pol-sr-only">{t('form.step', { n })} </span>
      {t(`form.${field}`)}
    </>
  );

  return (
    <fieldset className="pol-rule-box" data-relief-form="">
      <legend>{t('form.reliefLegend')}</legend>
      <Form.Item
        name="rentRelief"
        valuePropName="checked"
        extra={t('form.rentReliefHint')}
        style={{ marginBottom: ticked ? 12 : 0 }}
      >
        <Checkbox id="rentRelief" name="rentRelief">
          {t('form.rentRelief')}
        </Checkbox>
      </Form.Item>
      {ticked && (
        <>
          <p className="pol-muted">
            {t('form.reliefIntro')} {t('form.shareHint')}
          </p>
          <Form.List
            name="steps"
            rules={[
              {
                validator: (_, steps: ReliefStepValues[] | undefined) => {
                  const p = reliefProblems(steps ?? []).steps;
                  return p ? Promise.reject(new Error(t(`form.problems.${p}`))) : Promise.resolve();
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                <ol className="pol-steps">
                  {fields.map((f, i) => (
                    <li key={f.key} className="pol-step" data-step={i}>
                      <span className="pol-step-title" aria-hidden="true">
                        {t('form.step', { n: i + 1 })}
                      </span>
                      {STEP_FIELDS.map((field) => {
                        const id = `steps_${i}_${field}`;
                        return (
                          <Form.Item
                            key={field}
                            label={label(i + 1, field)}
                            name={[f.name, field]}
                            htmlFor={id}
                            required
                            dependencies={monthPaths(fields.length).filter(
                              ([, j, name]) => j !== i || name !== field,
                            )}
                            rules={[stepRule(i, field)]}
                          >
                            <Input
                              id={id}
                              name={field}
                              inputMode={field === 'share' ? 'decimal' : 'numeric'}
                              autoComplete="off"
                            />
                          </Form.Item>
                        );
                      })}
                      <Button
                        className="pol-step-remove"
                        onClick={() => {
                          remove(f.name);
                          void revalidate(form);
                        }}
                        disabled={busy || fields.length <= RELIEF_STEPS.min}
                        aria-label={t('form.removeStepLabel', { n: i + 1 })}
                      >
                        {t('form.removeStep')}
                      </Button>
                    </li>
                  ))}
                </ol>
                <Form.ErrorList errors={[...errors, ...listErrors]} />
                <Button
                  onClick={() =>
                    add(
                      emptyReliefStep(
                        (form.getFieldValue('steps') as ReliefStepValues[] | undefined) ?? [],
                      ),
                    )
                  }
                  disabled={busy || fields.length >= RELIEF_STEPS.max}
                  style={{ marginBottom: 16 }}
                >
                  {t('form.addStep')}
                </Button>
              </>
            )}
          </Form.List>
          <div className="pol-form-grid">
            <Form.Item
              label={t('form.maxRatePerSqm')}
              name="maxRatePerSqm"
              htmlFor="maxRatePerSqm"
              extra={t('form.maxRateHint')}
              rules={[check('maxRatePerSqm')]}
            >
              <Input
                id="maxRatePerSqm"
                name="maxRatePerSqm"
                inputMode="decimal"
                autoComplete="off"
              />
            </Form.Item>
            <Form.Item
              label={t('form.maxArea')}
              name="maxArea"
              htmlFor="maxArea"
              extra={t('form.maxAreaHint')}
              rules={[check('maxArea')]}
              style={{ marginBottom: 0 }}
            >
              <Input id="maxArea" name="maxArea" inputMode="decimal" autoComplete="off" />
            </Form.Item>
          </div>
        </>
      )}
    </fieldset>
  );
}

/** Checks again the step fields typed in or showing an error: one step's change moves another's. */
export async function revalidate(form: FormInstance<PolicyFormValues>) {
  // After the list has drawn again: a removal renumbers the steps and their checks.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const names = stepFieldsToRecheck(form);
  if (names.length) await form.validateFields(names).catch(() => undefined);
}

/** A policy's rent relief rule as it stands: an edit cannot change it (updatePolicy). */
export function RentReliefView({ rule }: { rule: RentReliefLike | null | undefined }) {
  const { t } = useTranslation('policies');
  return (
    <fieldset className="pol-rule-box">
      <legend>{t('form.reliefLegend')}</legend>
      <p data-relief="" style={{ margin: 0 }}>
        {rule ? reliefText(t, rule) : t('form.noRelief')}
      </p>
      <p className="pol-muted" style={{ margin: '4px 0 0' }}>
        {t('form.reliefFixed')}
      </p>
    </fieldset>
  );
}
