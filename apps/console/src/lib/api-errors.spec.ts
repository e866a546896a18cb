import { describe, expect, it } from '@jest/globals';
import { explainErrors, fieldName, problemsByField } from './api-errors';

describe('API errors in words', () => {
  it('keeps each refused field’s message under the form field’s name', () => {
    const e = explainErrors([
      {
        message: 'Some input is not right',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'input.outputValue', message: 'must not be negative' },
            { field: 'input.outputValue', message: 'second message' },
            { field: 'period', message: 'is not a month the firm may report' },
            { nonsense: true },
          ],
        },
      },
    ]);
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(problemsByField(e.fields)).toEqual({
      outputValue: 'must not be negative',
      period: 'is not a month the firm may report',
    });
  });

  it('shows the API’s sentence for known codes and hides an internal one', () => {
    expect(
      explainErrors([{ message: 'Only 3 000 yuan are left', extensions: { code: 'CONFLICT' } }]),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Only 3 000 yuan are left',
      fields: [],
    });
    expect(
      explainErrors([
        { message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]),
    ).toEqual({ code: 'OTHER', message: null, fields: [] });
    expect(explainErrors([])).toEqual({ code: 'OTHER', message: null, fields: [] });
  });

  it('names the field by its last segment', () => {
    expect(fieldName('input.lines.0.amount')).toBe('amount');
    expect(fieldName('email')).toBe('email');
  });
});
