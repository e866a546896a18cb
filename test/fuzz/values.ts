import { CREDIT_CODE_CHARSET, withCheckChar } from '@jcv/tenants';
import type { Rng } from './rng.js';

/** An enum value, written bare in a document and as a string in variables. */
export class EnumName {
  constructor(readonly name: string) {}
}

/** A number written exactly as given (1e400, -0, 20 digits), in a document or in JSON. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** A variable used inside an inline value. */
export class VarRef {
  constructor(readonly name: string) {}
}

export type Value =
  | null
  | boolean
  | number
  | string
  | EnumName
  | RawNumber
  | VarRef
  | Value[]
  | { [key: string]: Value };

/** What the fuzzer knows of the data: seeded records, and what answers have shown since. */
export interface FuzzPools {
  ids: string[];
  emails: string[];
  refreshTokens: string[];
  cursors: string[];
  creditCodes: string[];
  /** Spreadsheets made before the run (building an .xlsx is asynchronous). */
  files: { fileName: string; contentBase64: string }[];
}

export const emptyPools = (): FuzzPools => ({
  ids: [],
  emails: [],
  refreshTokens: [],
  cursors: [],
  creditCodes: [],
  files: [],
});

// SQL keywords are written in lower case on purpose: the leak check looks for upper-case SQL,
// so an answer that merely echoes one of these inputs is never taken for a leak.
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'trailing nul\u0000',
  '\uD800',
  'ab\uDC00cd',
  '\uDBFF\uDFFF',
  '\uFFFE\uFFFF',
  '\uFEFFbom',
  '\u202Eevil',
  'zero\u200Bwidth',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301',
  '晋创谷·吕梁',
  'ＡＢＣ１２３',
  "' or '1'='1",
  "'; drop table tenants; --",
  '" or ""="',
  "1' union select null, version() --",
  "\\'; commit; --",
  '$1',
  '$$ $$',
  "e'\\x00'",
  '%',
  '_',
  '%_%',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '%s%s%s%n',
  '../../../../etc/passwd',
  '\r\nx-injected: 1',
  'line\nbreak\ttab',
  'null',
  'undefined',
  'NaN',
  'true',
  '__proto__',
  'constructor',
  '{"__proto__":{"polluted":true}}',
  '[]',
  '\\',
  '\\u0000',
  "=cmd|'/c calc'!A1",
  '@SUM(1+1)',
  '+1',
  '-0',
];

const PLAIN_STRINGS = ['Fuzz firm', '测试企业', 'Room 101', 'a note', 'x', '吕梁'];

export const HOSTILE_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2026-1-5',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '10000-01-01',
  '-2026-01-01',
  '+275760-09-13',
  '2026-02-28T00:00:00Z',
  '2026-02-28T00:00:00+08:00',
  ' 2026-02-28',
  '2026-02-28 ',
  '20260228',
  '2026/02/28',
  '1970-01-01',
  '1900-02-29',
  '2026-02-28\u0000',
  'today',
  '',
];

export const HOSTILE_DATE_TIMES = [
  '2026-02-30T00:00:00Z',
  '2026-02-28T25:00:00Z',
  '2026-02-28T23:59:60Z',
  '2026-02-28',
  'not a time',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
];

export const HOSTILE_YEAR_MONTHS = [
  '2025-13',
  '2025-00',
  '2025-1',
  '0000-01',
  '9999-12',
  '1899-12',
  '2025-01-01',
  '2025–01',
  '2025-01\u0000',
  ' 2025-01',
  '２０２５-０１',
  '',
  '1e3',
];

const HOSTILE_DECIMALS: Value[] = [
  '1e400',
  '1e-400',
  ' 1',
  '1 ',
  '-0',
  '1.234',
  '12345678901234567890',
  '999999999999999999.999999999999',
  '123456789012345678',
  '-999999999999999999',
  '0.000000000001',
  '-1',
  '-0.01',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1,5',
  '１２',
  '١٢',
  '+1',
  '.5',
  '5.',
  '1_000',
  '',
  '--1',
  '0.1e1',
  '1\u0000',
  1.5,
  100,
  -0,
  new RawNumber('1e400'),
  new RawNumber('12345678901234567890'),
  new RawNumber('123456789012345678'),
  new RawNumber('-0'),
];

const HOSTILE_INTS: Value[] = [
  -1,
  0,
  101,
  1000,
  2147483647,
  -2147483648,
  2147483648,
  -2147483649,
  9007199254740991,
  new RawNumber('99999999999999999999'),
  new RawNumber('1e400'),
  new RawNumber('-0'),
  new RawNumber('1e2'),
  1.5,
  '12',
  'NaN',
  true,
];

/** Wrong kinds: an object, a list, a float, where something else is expected. */
const WRONG_KINDS: Value[] = [
  { a: 1 },
  {},
  [1, 2],
  [],
  true,
  3.5,
  'text',
  new RawNumber('1e400'),
  new EnumName('ADMIN'),
  [[['nested']]],
];

/**
 * Scalar values for every kind the schema uses, plausible (so that documents reach the
 * resolvers and the database) or hostile (so that they test every check on the way).
 */
export class ValueSource {
  constructor(
    private readonly rng: Rng,
    private readonly pools: FuzzPools,
  ) {}

  wrongKind(): Value {
    return this.rng.pick(WRONG_KINDS);
  }

  scalar(type: string, hint: string, hostile: boolean): Value {
    if (hostile && this.rng.chance(0.12)) return this.wrongKind();
    switch (type) {
      case 'Int':
        return hostile ? this.hostileInt(hint) : this.int(hint);
      case 'Float':
        return hostile
          ? this.rng.pick([new RawNumber('1e400'), new RawNumber('-1e-400'), 'NaN', 'Infinity'])
          : this.rng.int(0, 1000) / 8;
      case 'Boolean':
        return hostile ? this.rng.pick<Value>(['true', 1, 0, 'yes', null]) : this.rng.chance(0.5);
      case 'ID':
        return hostile ? this.hostileId() : this.id();
      case 'Date':
        return hostile ? this.rng.pick(HOSTILE_DATES) : this.date();
      case 'DateTime':
        return hostile ? this.rng.pick(HOSTILE_DATE_TIMES) : `${this.date()}T08:30:00Z`;
      case 'YearMonth':
        return hostile ? this.rng.pick(HOSTILE_YEAR_MONTHS) : this.yearMonth();
      case 'Decimal':
        return hostile ? this.rng.pick(HOSTILE_DECIMALS) : this.decimal(hint);
      default:
        return hostile ? this.hostileString(hint) : this.string(hint);
    }
  }

  enumValue(values: string[], hostile: boolean, inline: boolean): Value {
    if (!hostile) return new EnumName(this.rng.pick(values));
    const v = this.rng.pick(values);
    return this.rng.pick<Value>([
      new EnumName(v.toLowerCase()),
      new EnumName('NOT_A_VALUE'),
      new EnumName(`${v}_`),
      // A string where an enum is expected: wrong inline, right in variables.
      inline ? v : new EnumName(v),
      v.toLowerCase(),
      7,
      new EnumName('__proto__'),
    ]);
  }

  private int(hint: string): number {
    if (hint === 'first') return this.rng.int(1, 100);
    if (hint === 'year') return this.rng.int(2024, 2027);
    if (hint === 'rating') return this.rng.int(1, 5);
    if (hint === 'floor') return this.rng.int(-2, 30);
    return this.rng.int(0, 60);
  }

  private hostileInt(hint: string): Value {
    if (hint === 'year' && this.rng.chance(0.3)) return this.rng.pick([0, 1, 1899, 9999, 10000]);
    if (hint === 'rating' && this.rng.chance(0.3)) return this.rng.pick([0, 6, -5]);
    return this.rng.pick(HOSTILE_INTS);
  }

  id(): string {
    if (this.pools.ids.length && this.rng.chance(0.8)) return this.rng.pick(this.pools.ids);
    return this.rng.uuid();
  }

  private hostileId(): Value {
    const id = this.id();
    return this.rng.pick<Value>([
      'not-a-uuid',
      '',
      '0',
      42,
      new RawNumber('1e400'),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      id.toUpperCase(),
      `{${id}}`,
      `${id} `,
      ` ${id}`,
      `${id}\u0000`,
      id.slice(0, -1),
      `${id}a`,
      id.replace(/-/g, ''),
      `${id},${id}`,
      "' or 1=1 --",
      'x'.repeat(10000),
      '\uD800',
      '-1',
      '1.5',
    ]);
  }

  date(): string {
    const y = this.rng.int(2023, 2027);
    const m = this.rng.int(1, 12);
    const d = this.rng.int(1, 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }

  yearMonth(): string {
    return `${this.rng.int(2024, 2027)}-${String(this.rng.int(1, 12)).padStart(2, '0')}`;
  }

  private decimal(hint: string): string {
    if (hint === 'area') return this.rng.pick(['12.5', '120.50', '1', '30']);
    return this.rng.pick(['0', '1', '100', '12.50', '0.01', '1000000', '2500.5', '99.99']);
  }

  creditCode(): string {
    if (this.pools.creditCodes.length && this.rng.chance(0.3))
      return this.rng.pick(this.pools.creditCodes);
    let body = '91141100';
    while (body.length < 17)
      body += CREDIT_CODE_CHARSET[this.rng.int(0, CREDIT_CODE_CHARSET.length - 1)];
    return withCheckChar(body);
  }

  private string(hint: string): string {
    switch (hint) {
      case 'email':
        return this.pools.emails.length && this.rng.chance(0.6)
          ? this.rng.pick(this.pools.emails)
          : `fz-${this.rng.int(0, 99999)}@test.example`;
      case 'password':
        return this.rng.pick(['test-user-password', 'test-admin-password', 'wrong-password-123']);
      case 'creditCode':
        return this.creditCode();
      case 'code':
        return `FZ-${this.rng.int(0, 99999)}`;
      case 'after':
        return this.pools.cursors.length ? this.rng.pick(this.pools.cursors) : 'WzFd';
      case 'refreshToken':
        return this.pools.refreshTokens.length
          ? this.rng.pick(this.pools.refreshTokens)
          : this.rng.ascii(40);
      case 'entity':
        return this.rng.pick(['Lease', 'Tenant', 'Unit', 'OutputReport', 'User']);
      case 'entityId':
        return this.id();
      case 'fileName':
        return this.rng.pick(['reports.csv', 'reports.xlsx']);
      case 'contentBase64':
        return this.pools.files.length && this.rng.chance(0.5)
          ? this.rng.pick(this.pools.files).contentBase64
          : Buffer.from(this.csv(false)).toString('base64');
      default:
        return this.rng.chance(0.2)
          ? this.rng.identifier()
          : `${this.rng.pick(PLAIN_STRINGS)} ${this.rng.int(0, 9999)}`;
    }
  }

  hostileString(hint: string): Value {
    if (hint === 'after' && this.rng.chance(0.7)) return this.badCursor();
    if (hint === 'contentBase64' && this.rng.chance(0.7)) return this.badFile();
    if (hint === 'fileName' && this.rng.chance(0.7))
      return this.rng.pick([
        'a.exe',
        '../../etc/passwd.csv',
        'REPORTS.CSV',
        'no-extension',
        '.csv',
        'x'.repeat(300) + '.xlsx',
        'a.csv\u0000.xlsx',
        'a.xls',
        'a.xlsx.csv',
      ]);
    if (hint === 'email' && this.rng.chance(0.5))
      return this.rng.pick([
        'not-an-email',
        'a@b',
        '@',
        'ADMIN@TEST.EXAMPLE',
        ' admin@test.example ',
        'admin@test.example\u0000',
        `${'a'.repeat(300)}@test.example`,
        '测试@例子.中国',
        ...this.pools.emails.map((e) => e.toUpperCase()),
      ]);
    if (hint === 'creditCode' && this.rng.chance(0.5)) {
      const good = this.creditCode();
      return this.rng.pick([
        good.toLowerCase(),
        good.slice(0, 17) + (good[17] === '0' ? '1' : '0'),
        ` ${good.slice(0, 9)} ${good.slice(9)} `,
        good + 'X',
        'IOSVZ'.repeat(4).slice(0, 18),
        '000000000000000000',
      ]);
    }
    switch (this.rng.int(0, 9)) {
      case 0:
        return this.rng
          .pick(['x', '吕', 'a\u0000', '😀'])
          .repeat(this.rng.pick([256, 1001, 10001]));
      case 1:
        return this.withLoneSurrogate(this.rng.unicode(20));
      case 2:
        return this.rng.unicode(60);
      default:
        return this.rng.pick(HOSTILE_STRINGS);
    }
  }

  private withLoneSurrogate(s: string): string {
    const at = this.rng.int(0, s.length);
    const lone = String.fromCharCode(this.rng.int(0xd800, 0xdfff));
    return s.slice(0, at) + lone + s.slice(at);
  }

  /** Cursors are base64url JSON arrays: right shape with wrong contents, and plain garbage. */
  private badCursor(): string {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const item = () =>
      this.rng.pick<unknown>([
        'not-a-uuid',
        'a\u0000b',
        '2026-02-30',
        1e308,
        -1,
        null,
        {},
        [],
        true,
        "' or 1=1 --",
        'x'.repeat(5000),
        this.rng.uuid(),
        '2026-02-28T00:00:00Z',
      ]);
    const real = this.pools.cursors.length ? this.rng.pick(this.pools.cursors) : 'WzFd';
    return this.rng.pick([
      b64(Array.from({ length: this.rng.int(1, 4) }, item)),
      b64({ id: 1 }),
      b64('text'),
      '!!!not-base64!!!',
      '',
      real.slice(0, -2),
      real + 'AA',
      real.toUpperCase(),
      Buffer.from('[1,2').toString('base64url'),
    ]);
  }

  private badFile(): string {
    const bytes = Buffer.from(this.rng.bytes(400));
    return this.rng.pick([
      '!!!',
      '',
      'a',
      '====',
      bytes.toString('base64'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes]).toString('base64'),
      Buffer.from(this.csv(true)).toString('base64'),
      Buffer.from(this.csv(true), 'utf16le').toString('base64'),
      Buffer.from('\uFEFF' + this.csv(true)).toString('base64'),
      ...this.pools.files.map((f) => f.contentBase64.slice(0, f.contentBase64.length >> 1)),
    ]);
  }

  /** A report file in CSV, with hostile cells when asked. */
  csv(hostile: boolean): string {
    const header =
      'creditCode,period,outputValue,revenue,rdExpense,employees,patentsFiled,patentsGranted';
    const rows = Array.from({ length: this.rng.int(1, hostile ? 40 : 3) }, () => {
      const cell = (plain: string) =>
        hostile && this.rng.chance(0.3) ? this.csvCell(this.rng.pick(HOSTILE_STRINGS)) : plain;
      return [
        cell(this.creditCode()),
        cell(this.yearMonth()),
        cell('1000.00'),
        cell('900'),
        cell('0'),
        cell(String(this.rng.int(0, 50))),
        cell('0'),
        cell('0'),
      ].join(',');
    });
    const odd = hostile
      ? this.rng.pick(['', '\n"unclosed', '\n,,,,,,,,,,,,', '\n' + 'x,'.repeat(500), '\r\n\r\n'])
      : '';
    return [hostile && this.rng.chance(0.2) ? '月份' : header, ...rows].join('\n') + odd;
  }

  private csvCell(s: string): string {
    return this.rng.chance(0.5) ? `"${s.replace(/"/g, '""')}"` : s;
  }
}
