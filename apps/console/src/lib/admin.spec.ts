import { describe, expect, it } from '@jest/globals';
import {
  auditDiff,
  auditOperationKey,
  confirmationMatches,
  createUserInputOf,
  formatDiffValue,
  formatTarget,
  isSignInEvent,
  isTargetText,
  JsonNumber,
  localizeAccountProblem,
  newPasswordProblem,
  parseJsonExact,
  prettyJson,
  sortTargets,
  targetFormText,
  targetInputOf,
  userFilterOf,
  type DiffWords,
  type TargetRow,
} from './admin';

const WORDS: DiffWords = { yes: '是', no: '否', empty: '空', absent: '—', emptyList: '无' };

describe('parseJsonExact', () => {
  it('keeps numbers as the text they were written in', () => {
    const v = parseJsonExact('{"a": 12345678901234567890.12, "b": [0.1, -2e3], "c": "x\\"y"}');
    expect(v).toEqual({
      a: new JsonNumber('12345678901234567890.12'),
      b: [new JsonNumber('0.1'), new JsonNumber('-2e3')],
      c: 'x"y',
    });
  });

  it('reads literals, empty containers and nesting', () => {
    expect(parseJsonExact(' [true, false, null, {}, [], {"k": {"l": "m"}}] ')).toEqual([
      true,
      false,
      null,
      {},
      [],
      { k: { l: 'm' } },
    ]);
  });

  it('refuses what is not JSON', () => {
    expect(() => parseJsonExact('{"a": 1,}')).toThrow(SyntaxError);
    expect(() => parseJsonExact('{"a": 1} x')).toThrow(SyntaxError);
    expect(() => parseJsonExact('"open')).toThrow(SyntaxError);
    expect(() => parseJsonExact('NaN')).toThrow(SyntaxError);
  });
});

describe('auditDiff', () => {
  it('lists only what changed, and counts the rest', () => {
    const before = JSON.stringify({ id: 'u1', active: true, email: 'a@x.cn' });
    const after = '{"id":"u1","active":false,"email":"a@x.cn","signInsEnded":2}';
    const diff = auditDiff(before, after);
    expect(diff.unreadable).toBe(false);
    expect(diff.unchanged).toBe(2);
    expect(diff.rows).toEqual([
      {
        field: 'active',
        before: { kind: 'bool', value: true },
        after: { kind: 'bool', value: false },
        change: 'changed',
      },
      {
        field: 'signInsEnded',
        before: { kind: 'absent' },
        after: { kind: 'number', text: '2' },
        change: 'added',
      },
    ]);
  });

  it('treats a record created (no before) as every field added', () => {
    const diff = auditDiff(null, '{"email":"n@x.cn","tenantId":null}');
    expect(diff.rows.map((r) => [r.field, r.change])).toEqual([
      ['email', 'added'],
      ['tenantId', 'added'],
    ]);
  });

  it('lists fields the record lost as removed', () => {
    const diff = auditDiff('{"note":"x","a":1}', '{"a":1}');
    expect(diff.rows).toEqual([
      {
        field: 'note',
        before: { kind: 'text', text: 'x' },
        after: { kind: 'absent' },
        change: 'removed',
      },
    ]);
    expect(diff.unchanged).toBe(1);
  });

  it('compares decimals exactly, not as floats', () => {
    // 0.1 + 0.2 style rounding must not hide a change of a fen on a large amount.
    const diff = auditDiff(
      '{"target":"140000000.00","big":9007199254740993}',
      '{"target":"140000000.01","big":9007199254740992}',
    );
    expect(diff.rows.map((r) => [r.field, r.before, r.after])).toEqual([
      ['target', { kind: 'text', text: '140000000.00' }, { kind: 'text', text: '140000000.01' }],
      [
        'big',
        { kind: 'number', text: '9007199254740993' },
        { kind: 'number', text: '9007199254740992' },
      ],
    ]);
    // The same amount written differently is no change.
    expect(auditDiff('{"n":30}', '{"n":30.0}').rows).toEqual([]);
  });

  it('flattens nested records and lists into paths', () => {
    const diff = auditDiff(
      '{"rentRelief":{"steps":[{"share":"1"},{"share":"0.5"}]}}',
      '{"rentRelief":{"steps":[{"share":"1"},{"share":"0.6"}]}}',
    );
    expect(diff.rows.map((r) => r.field)).toEqual(['rentRelief.steps[1].share']);
  });

  it('reads an event with nothing recorded as no change', () => {
    expect(auditDiff(null, null)).toEqual({ rows: [], unchanged: 0, unreadable: false });
  });

  it('says when a side is not JSON', () => {
    expect(auditDiff('{broken', '{}').unreadable).toBe(true);
  });
});

describe('formatDiffValue', () => {
  it('writes each kind of value for people', () => {
    expect(formatDiffValue({ kind: 'bool', value: true }, WORDS)).toBe('是');
    expect(formatDiffValue({ kind: 'bool', value: false }, WORDS)).toBe('否');
    expect(formatDiffValue({ kind: 'null' }, WORDS)).toBe('空');
    expect(formatDiffValue({ kind: 'absent' }, WORDS)).toBe('—');
    expect(formatDiffValue({ kind: 'emptyList' }, WORDS)).toBe('无');
    expect(formatDiffValue({ kind: 'text', text: '' }, WORDS)).toBe('空');
    expect(formatDiffValue({ kind: 'text', text: '140000000.00' }, WORDS)).toBe('140000000.00');
  });

  it('groups the thousands of numbers without rounding them', () => {
    expect(formatDiffValue({ kind: 'number', text: '12345678901234567890.12' }, WORDS)).toBe(
      '12,345,678,901,234,567,890.12',
    );
    expect(formatDiffValue({ kind: 'number', text: '2e3' }, WORDS)).toBe('2e3');
  });

  it('writes date-times in Asia/Shanghai', () => {
    const diff = auditDiff(null, '{"at":"2025-06-30T16:30:00.000Z"}');
    expect(formatDiffValue(diff.rows[0].after, WORDS)).toBe('2025-07-01 00:30');
  });
});

describe('auditOperationKey', () => {
  it('tells a deactivation from a reactivation', () => {
    expect(auditOperationKey('setUserActive', '{"active":false,"signInsEnded":1}')).toBe(
      'deactivateUser',
    );
    expect(auditOperationKey('setUserActive', '{"active":true,"signInsEnded":0}')).toBe(
      'reactivateUser',
    );
    expect(auditOperationKey('setUserActive', 'oops')).toBe('setUserActive');
    expect(auditOperationKey('createUser', '{"active":true}')).toBe('createUser');
  });
});

describe('isSignInEvent', () => {
  it('names the routine sign-in events, not a reused token', () => {
    expect(['login', 'refreshToken', 'logout'].every(isSignInEvent)).toBe(true);
    expect(isSignInEvent('refreshTokenReuse')).toBe(false);
    expect(isSignInEvent('setUserActive')).toBe(false);
  });
});

describe('prettyJson', () => {
  it('indents JSON and leaves other text as it is', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('{"a":{"b":[9007199254740993,"x"],"c":{}},"d":[]}')).toBe(
      '{\n  "a": {\n    "b": [\n      9007199254740993,\n      "x"\n    ],\n    "c": {}\n  },\n  "d": []\n}',
    );
    expect(prettyJson('oops')).toBe('oops');
    expect(prettyJson(null)).toBeNull();
  });
});

describe('passwords', () => {
  it('checks a new password as the API will', () => {
    expect(newPasswordProblem('')).toBe('required');
    expect(newPasswordProblem('short-pass1')).toBe('tooShort');
    expect(newPasswordProblem('a'.repeat(257))).toBe('tooLong');
    expect(newPasswordProblem('long-enough-pass')).toBeNull();
    expect(newPasswordProblem('long-enough-pass', 'long-enough-pass')).toBe('sameAsCurrent');
    expect(newPasswordProblem('long-enough-pass', '')).toBeNull();
    // Characters, not UTF-16 units: twelve ideographs beyond the BMP are twelve characters.
    expect(newPasswordProblem('𠀀'.repeat(12))).toBeNull();
  });

  it('checks the confirmation', () => {
    expect(confirmationMatches('abc', 'abc')).toBe(true);
    expect(confirmationMatches('abc', 'abd')).toBe(false);
    expect(confirmationMatches(undefined, '')).toBe(true);
  });
});

describe('createUserInputOf', () => {
  it('sends the tenant only for a firm role', () => {
    expect(
      createUserInputOf({
        email: ' clerk@firm.cn ',
        displayName: ' 王会计 ',
        role: 'TENANT_REPORTER',
        tenantId: 't1',
        serviceProviderId: 'p1',
        password: 'a-long-password',
        confirmPassword: 'a-long-password',
      }),
    ).toEqual({
      email: 'clerk@firm.cn',
      displayName: '王会计',
      role: 'TENANT_REPORTER',
      tenantId: 't1',
      password: 'a-long-password',
    });
  });

  it('sends the provider only for SERVICE_PROVIDER', () => {
    expect(
      createUserInputOf({
        email: 'p@x.cn',
        displayName: 'P',
        role: 'SERVICE_PROVIDER',
        tenantId: 't1',
        serviceProviderId: 'p1',
        password: 'x',
      }),
    ).toEqual({
      email: 'p@x.cn',
      displayName: 'P',
      role: 'SERVICE_PROVIDER',
      serviceProviderId: 'p1',
      password: 'x',
    });
  });

  it('sends neither for a committee role, and keeps the password as typed', () => {
    expect(
      createUserInputOf({
        email: 'a@x.cn',
        displayName: 'A',
        role: 'ANALYST',
        tenantId: 't1',
        password: ' spaced password ',
      }),
    ).toEqual({
      email: 'a@x.cn',
      displayName: 'A',
      role: 'ANALYST',
      password: ' spaced password ',
    });
  });

  it('refuses a form without a role', () => {
    expect(() => createUserInputOf({ email: 'a@x.cn', role: '' })).toThrow();
  });
});

describe('userFilterOf', () => {
  it('leaves out empty choices', () => {
    expect(userFilterOf({ role: '', active: '', emailContains: '  ' })).toEqual({});
    expect(userFilterOf({ role: 'ANALYST', active: 'false', emailContains: ' jcv ' })).toEqual({
      role: 'ANALYST',
      active: false,
      emailContains: 'jcv',
    });
    expect(userFilterOf({ active: 'true' })).toEqual({ active: true });
  });
});

describe('targets', () => {
  it('accepts whole counts and yuan to the fen', () => {
    expect(isTargetText('NEW_TECH_FIRMS', '30')).toBe(true);
    expect(isTargetText('NEW_TECH_FIRMS', '30.5')).toBe(false);
    expect(isTargetText('NEW_TECH_FIRMS', '-1')).toBe(false);
    expect(isTargetText('ANNUAL_OUTPUT_VALUE', '140000000.00')).toBe(true);
    expect(isTargetText('ANNUAL_OUTPUT_VALUE', '140000000.001')).toBe(false);
    expect(isTargetText('ANNUAL_OUTPUT_VALUE', '1,000')).toBe(false);
    expect(isTargetText('ANNUAL_OUTPUT_VALUE', '9999999999999999.99')).toBe(true);
    expect(isTargetText('ANNUAL_OUTPUT_VALUE', '')).toBe(false);
  });

  it('formats a target by its metric', () => {
    expect(formatTarget('NEW_TECH_FIRMS', '30.00')).toBe('30');
    expect(formatTarget('ANNUAL_OUTPUT_VALUE', '140000000.00')).toBe('140,000,000.00');
    expect(targetFormText('NEW_TECH_FIRMS', '30.00')).toBe('30');
    expect(targetFormText('ANNUAL_OUTPUT_VALUE', '140000000.00')).toBe('140000000.00');
  });

  it('sorts by year, the plan order of metrics, then zone with the park last', () => {
    const row = (id: string, year: number, metric: TargetRow['metric'], zone: string | null) => ({
      id,
      year,
      metric,
      target: '1',
      source: 's',
      zone: zone ? { id: zone, code: zone, name: zone } : null,
    });
    const sorted = sortTargets([
      row('a', 2026, 'ANNUAL_OUTPUT_VALUE', null),
      row('b', 2025, 'ANNUAL_OUTPUT_VALUE', null),
      row('c', 2025, 'ANNUAL_OUTPUT_VALUE', 'STARTUP'),
      row('d', 2025, 'NEW_TECH_FIRMS', 'STARTUP'),
      row('e', 2025, 'INDUSTRIALIZATION_PROJECTS', 'EXPANSION'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });

  it('builds the input, leaving the zone out for the park', () => {
    expect(
      targetInputOf({
        year: '2027',
        metric: 'NEW_SRDI_FIRMS',
        zoneId: 'z1',
        target: ' 3 ',
        source: ' 吕政办发〔2025〕10号 ',
      }),
    ).toEqual({
      year: 2027,
      metric: 'NEW_SRDI_FIRMS',
      zoneId: 'z1',
      target: '3',
      source: '吕政办发〔2025〕10号',
    });
    expect(
      targetInputOf({
        year: 2025,
        metric: 'ANNUAL_OUTPUT_VALUE',
        zoneId: '',
        target: '1',
        source: 's',
      }),
    ).toEqual({ year: 2025, metric: 'ANNUAL_OUTPUT_VALUE', target: '1', source: 's' });
  });
});

describe('localizeAccountProblem', () => {
  it('says the API field messages in Chinese, without the field name', () => {
    expect(localizeAccountProblem('is not right', 'zh-CN', 'currentPassword')).toBe('不正确');
    expect(
      localizeAccountProblem('newPassword must be at least 12 characters', 'zh-CN', 'newPassword'),
    ).toBe('至少需要 12 个字符');
    expect(localizeAccountProblem('A user with email a@x.cn already exists', 'zh-CN')).toBe(
      '邮箱 a@x.cn 已被其他用户使用',
    );
    expect(
      localizeAccountProblem(
        'target must be a whole number of firms for NEW_TECH_FIRMS',
        'zh-CN',
        'target',
      ),
    ).toBe('须为整数');
    expect(localizeAccountProblem('is the last active ADMIN', 'zh-CN', 'id')).toBe(
      '这是最后一个启用中的管理员账号，不能停用',
    );
  });

  it('keeps English, and messages it does not know', () => {
    expect(
      localizeAccountProblem('newPassword must be at least 12 characters', 'en', 'newPassword'),
    ).toBe('must be at least 12 characters');
    expect(localizeAccountProblem('something new', 'zh-CN')).toBe('something new');
  });
});
