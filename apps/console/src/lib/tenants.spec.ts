import { describe, expect, it } from '@jest/globals';
import { withCheckChar } from '@jcv/credit-code';
import { tenants as messages } from '../i18n/messages/tenants';
import {
  apiFilter,
  auditChanges,
  creditCodeFormMessage,
  creditCodeServerMessage,
  EMPTY_FILTER,
  filterFromQuery,
  filtersLocally,
  filterToQuery,
  hasChanges,
  isCreditCodeTaken,
  isFiltered,
  isValidOn,
  matchesLocally,
  mayDo,
  mayExit,
  mayRead,
  searchMode,
  tenantChanges,
  type TenantListFilter,
  type TenantRecord,
} from './tenants';

const ZONE = '0b6f1a52-2c1d-4a4e-9b1e-6f1c2d3e4f50';

describe('the list filter in the address', () => {
  it('reads what it knows and leaves out what it does not', () => {
    const filter = filterFromQuery(
      new URLSearchParams(
        `q=%20氢能%20&zone=${ZONE}&kind=FIRM&status=EXITED&cert=HIGH_TECH&chain=HYDROGEN`,
      ),
    );
    expect(filter).toEqual({
      q: '氢能',
      zoneId: ZONE,
      kind: 'FIRM',
      status: 'EXITED',
      certification: 'HIGH_TECH',
      industryChain: 'HYDROGEN',
    });
    expect(
      filterFromQuery(new URLSearchParams('zone=1;drop&kind=firm&status=GONE&cert=X&chain=')),
    ).toEqual(EMPTY_FILTER);
  });

  it('writes only what is set, and reads back what it wrote', () => {
    expect(filterToQuery(EMPTY_FILTER).toString()).toBe('');
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    const filter: TenantListFilter = {
      ...EMPTY_FILTER,
      q: '晋创',
      kind: 'TEAM',
      certification: 'SRDI',
    };
    const query = filterToQuery(filter);
    expect([...query.keys()]).toEqual(['q', 'kind', 'cert']);
    expect(isFiltered(filter)).toBe(true);
    expect(filterFromQuery(query)).toEqual(filter);
  });
});

describe('which filter the API applies and which the page does', () => {
  it('takes letters and digits with a digit for a credit code, anything else for a name', () => {
    expect(searchMode('')).toBe('none');
    expect(searchMode('  ')).toBe('none');
    expect(searchMode('氢能科技')).toBe('name');
    expect(searchMode('ABC')).toBe('name');
    expect(searchMode('91141100')).toBe('creditCode');
    expect(searchMode('9114 1100ma0a')).toBe('creditCode');
    expect(searchMode('3M 中国')).toBe('name');
  });

  it('sends zone, status, chain and a name to the API', () => {
    expect(
      apiFilter({
        ...EMPTY_FILTER,
        q: ' 氢 ',
        zoneId: ZONE,
        status: 'RESIDENT',
        kind: 'FIRM',
        certification: 'HIGH_TECH',
        industryChain: 'OTHER',
      }),
    ).toEqual({ zoneId: ZONE, status: 'RESIDENT', industryChain: 'OTHER', nameContains: '氢' });
    expect(apiFilter({ ...EMPTY_FILTER, q: '911411' })).toEqual({});
    expect(filtersLocally(EMPTY_FILTER)).toBe(false);
    expect(filtersLocally({ ...EMPTY_FILTER, q: '氢', zoneId: ZONE })).toBe(false);
    expect(filtersLocally({ ...EMPTY_FILTER, kind: 'TEAM' })).toBe(true);
    expect(filtersLocally({ ...EMPTY_FILTER, certification: 'SRDI' })).toBe(true);
    expect(filtersLocally({ ...EMPTY_FILTER, q: '911411' })).toBe(true);
  });

  const firm = {
    name: '吕梁氢能科技有限公司',
    kind: 'FIRM' as const,
    creditCode: '91141100MA0AHU829B',
    certifications: [
      { kind: 'HIGH_TECH' as const, issuedOn: '2024-01-01', expiresOn: '2026-12-31' },
      { kind: 'SRDI' as const, issuedOn: '2022-01-01', expiresOn: '2024-12-31' },
    ],
  };
  const today = '2025-06-30';

  it('matches kind, a certificate valid today and part of a code or name', () => {
    expect(matchesLocally(firm, EMPTY_FILTER, today)).toBe(true);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, kind: 'TEAM' }, today)).toBe(false);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, certification: 'HIGH_TECH' }, today)).toBe(true);
    // Lapsed at the end of 2024.
    expect(matchesLocally(firm, { ...EMPTY_FILTER, certification: 'SRDI' }, today)).toBe(false);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, certification: 'TECH_SME' }, today)).toBe(false);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, q: 'ma0ahu' }, today)).toBe(true);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, q: '9114 1100' }, today)).toBe(true);
    expect(matchesLocally(firm, { ...EMPTY_FILTER, q: '91350100' }, today)).toBe(false);
    const team = { name: 'AI2 团队', kind: 'TEAM' as const, creditCode: null };
    expect(matchesLocally(team, { ...EMPTY_FILTER, q: 'ai2' }, today)).toBe(true);
  });

  it('counts a certificate valid from its issue day to its expiry day', () => {
    const c = { issuedOn: '2025-01-01', expiresOn: '2025-12-31' };
    expect(isValidOn(c, '2024-12-31')).toBe(false);
    expect(isValidOn(c, '2025-01-01')).toBe(true);
    expect(isValidOn(c, '2025-12-31')).toBe(true);
    expect(isValidOn(c, '2026-01-01')).toBe(false);
    expect(isValidOn({ issuedOn: '2020-01-01', expiresOn: null }, '2030-01-01')).toBe(true);
  });
});

describe('the fields a correction sends', () => {
  const firm: TenantRecord = {
    name: '晋创示范科技有限公司',
    kind: 'FIRM',
    creditCode: '91141100MA0AHU829B',
    industryChain: 'AI_PLUS',
    isTechFirm: true,
    foundedOn: '2024-03-01',
  };
  const same = { ...firm, creditCode: firm.creditCode, foundedOn: firm.foundedOn };

  it('sends nothing when nothing changed (spaces and case of the code do not count)', () => {
    expect(tenantChanges(firm, same)).toEqual({});
    expect(
      tenantChanges(firm, { ...same, name: ` ${firm.name} `, creditCode: '9114 1100ma0ahu829b' }),
    ).toEqual({});
    expect(hasChanges({})).toBe(false);
  });

  it('sends only what changed', () => {
    expect(tenantChanges(firm, { ...same, name: '晋创示范（吕梁）科技有限公司' })).toEqual({
      name: '晋创示范（吕梁）科技有限公司',
    });
    expect(
      tenantChanges(firm, { ...same, isTechFirm: false, industryChain: 'HYDROGEN', foundedOn: '' }),
    ).toEqual({ isTechFirm: false, industryChain: 'HYDROGEN', foundedOn: null });
    const code = withCheckChar('91350100M000100Y4');
    expect(tenantChanges(firm, { ...same, creditCode: code.toLowerCase() })).toEqual({
      creditCode: code,
    });
    expect(hasChanges({ name: 'x' })).toBe(true);
  });

  it('never turns a FIRM into a TEAM nor clears its code', () => {
    expect(tenantChanges(firm, { ...same, kind: 'TEAM', creditCode: '' })).toEqual({});
  });

  it('sends kind FIRM and the credit code together when a team incorporates', () => {
    const team: TenantRecord = { ...firm, kind: 'TEAM', creditCode: null };
    expect(tenantChanges(team, { ...team, creditCode: '91141100MA0AHU829B' })).toEqual({});
    expect(
      tenantChanges(team, { ...team, kind: 'FIRM', creditCode: ' 91141100ma0ahu829b' }),
    ).toEqual({ kind: 'FIRM', creditCode: '91141100MA0AHU829B' });
  });
});

describe('the credit code in a form', () => {
  const zh = messages['zh-CN'].creditCode.problems as Record<string, string>;
  const en = messages.en.creditCode.problems as Record<string, string>;

  it('says nothing while what is typed can still become a valid code', () => {
    expect(creditCodeFormMessage('', 'typing')).toBeNull();
    expect(creditCodeFormMessage(undefined, 'whole')).toBeNull();
    expect(creditCodeFormMessage('9114 11', 'typing')).toBeNull();
    expect(creditCodeFormMessage('91141100MA0AHU829B', 'whole')).toBeNull();
    expect(creditCodeFormMessage('91141100ma0ahu829b', 'whole')).toBeNull();
  });

  it('names the rule that fails, with what its words cite', () => {
    expect(creditCodeFormMessage('9114', 'whole')).toEqual({
      key: 'creditCode.problems.length',
      values: { length: 4 },
    });
    expect(creditCodeFormMessage('0', 'typing')).toEqual({
      key: 'creditCode.problems.authority',
      values: { allowed: '1, 2, 3, 4, 5, 6, 7, 8, 9, A, N, Y' },
    });
    expect(creditCodeFormMessage('94', 'typing')).toEqual({
      key: 'creditCode.problems.organisation',
      values: { authority: '9', authorityName: '工商', allowed: '1, 2, 3' },
    });
    expect(creditCodeFormMessage('91A', 'typing')?.key).toBe('creditCode.problems.divisionDigits');
    expect(creditCodeFormMessage('9119', 'typing')?.key).toBe(
      'creditCode.problems.divisionProvince',
    );
    expect(creditCodeFormMessage('91141100I', 'typing')).toEqual({
      key: 'creditCode.problems.character',
      values: { characters: 'I' },
    });
    expect(creditCodeFormMessage('91141100MA0AHU829C', 'typing')?.key).toBe(
      'creditCode.problems.checkChar',
    );
    expect(creditCodeFormMessage('91141100MA0AHU829BB', 'typing')?.key).toBe(
      'creditCode.problems.length',
    );
  });

  it('has words in both languages for every kind, using every value it is given', () => {
    const samples = ['9114', '0', '94', '91A', '9119', '91141100I', '91141100MA0AHU829C'];
    for (const sample of samples) {
      const message = creditCodeFormMessage(sample, sample.length === 4 ? 'whole' : 'typing');
      if (!message) throw new Error(`no message for ${sample}`);
      const kind = message.key.split('.').pop() as string;
      for (const words of [zh[kind], en[kind]]) {
        expect(typeof words).toBe('string');
        for (const name of Object.keys(message.values)) expect(words).toContain(`{{${name}}}`);
      }
    }
  });
});

describe("the API's refusal of a credit code", () => {
  const zh = messages['zh-CN'].creditCode.server as Record<string, string>;

  it('is told in the console words by its kind', () => {
    expect(
      creditCodeServerMessage('creditCode has a wrong check character (GB 32100-2015)'),
    ).toEqual({ key: 'creditCode.server.checkChar', values: {} });
    expect(creditCodeServerMessage('creditCode must be 18 characters')?.key).toBe(
      'creditCode.server.length',
    );
    expect(creditCodeServerMessage('is required for a FIRM')).toBeNull();
    for (const kind of Object.keys(messages['zh-CN'].creditCode.problems))
      expect(typeof zh[kind]).toBe('string');
  });

  it('recognises a code registered already', () => {
    expect(
      isCreditCodeTaken('A tenant with creditCode 91141100MA0AHU829B is already registered'),
    ).toBe(true);
    expect(isCreditCodeTaken('This certificate is already recorded')).toBe(false);
    expect(isCreditCodeTaken(null)).toBe(false);
  });
});

describe('the audit trail of a tenant', () => {
  it('lists the fields that changed, in the profile order', () => {
    const before = JSON.stringify({
      id: 't1',
      name: '旧名',
      kind: 'TEAM',
      creditCode: null,
      isTechFirm: true,
      updatedAt: '2025-01-01T00:00:00Z',
    });
    const after = JSON.stringify({
      id: 't1',
      name: '新名',
      kind: 'FIRM',
      creditCode: '91141100MA0AHU829B',
      isTechFirm: true,
      updatedAt: '2025-02-01T00:00:00Z',
      extra: 1,
    });
    expect(auditChanges(before, after)).toEqual([
      { field: 'name', before: '旧名', after: '新名' },
      { field: 'kind', before: 'TEAM', after: 'FIRM' },
      { field: 'creditCode', before: null, after: '91141100MA0AHU829B' },
      { field: 'extra', before: null, after: 1 },
    ]);
  });

  it('lists what a record was created with, and survives what is not JSON', () => {
    expect(auditChanges(null, JSON.stringify({ id: 'x', name: '甲', kind: 'FIRM' }))).toEqual([
      { field: 'name', before: null, after: '甲' },
      { field: 'kind', before: null, after: 'FIRM' },
    ]);
    expect(auditChanges('not json', '[1]')).toEqual([]);
  });
});

describe('who sees and does what', () => {
  it('shows the audit trail to ADMIN alone, the other sections to the whole committee', () => {
    for (const role of [
      'ADMIN',
      'ANALYST',
      'SPACE_MANAGER',
      'POLICY_OFFICER',
      'SERVICE_DESK',
    ] as const) {
      expect(mayRead(role, 'leases')).toBe(true);
      expect(mayRead(role, 'reports')).toBe(true);
      expect(mayRead(role, 'certifications')).toBe(true);
      expect(mayRead(role, 'audit')).toBe(role === 'ADMIN');
    }
    expect(mayRead('TENANT_ADMIN', 'leases')).toBe(false);
  });

  it('lets ADMIN alone write, and exit only a resident tenant', () => {
    expect(mayDo('ADMIN', 'register')).toBe(true);
    expect(mayDo('ANALYST', 'register')).toBe(false);
    expect(mayDo('SPACE_MANAGER', 'update')).toBe(false);
    expect(mayExit('ADMIN', 'RESIDENT')).toBe(true);
    expect(mayExit('ADMIN', 'EXITED')).toBe(false);
    expect(mayExit('POLICY_OFFICER', 'RESIDENT')).toBe(false);
  });
});
