import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@jcv/shared';
import { startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';
import {
  type FixtureTenant,
  figures,
  makeTenant,
  REVIEW,
  SUBMIT,
  zones,
} from '../fixtures/reporting/fixtures.js';

let t: TestApp;
let firm: FixtureTenant;
let admin: string;
let firmAdmin: string;

beforeAll(async () => {
  t = await startTestApp();
  firm = await makeTenant(t, { zoneId: (await zones(t)).startup, enteredOn: '2025-01-01' });
  admin = await t.adminToken();
  firmAdmin = await t.tokenFor(Role.TENANT_ADMIN, { tenantId: firm.id });
});
afterAll(() => t?.close());

async function submit(period: string, over: Record<string, unknown> = {}) {
  const d = await t.ok(SUBMIT, { input: figures(firm.id, period, over) }, firmAdmin);
  return d.submitOutputReport as { id: string; revision: number };
}

/** Expects a refusal with `code` that writes nothing (report rows and audit trail unchanged). */
async function refusedReview(vars: Record<string, unknown>, code: string, token = admin) {
  const before = await t.dataSource.query(
    `SELECT id, status, review_note, reviewed_at FROM output_reports ORDER BY id`,
  );
  const audits = await t.count('audit_events');
  const res = await t.gql(REVIEW, vars, token);
  expect(res.errors?.[0].extensions.code).toBe(code);
  expect(
    await t.dataSource.query(
      `SELECT id, status, review_note, reviewed_at FROM output_reports ORDER BY id`,
    ),
  ).toEqual(before);
  expect(await t.count('audit_events')).toBe(audits);
  return res.errors![0];
}

describe('reviewOutputReport', () => {
  it('accepts a report, and records who and when', async () => {
    const r = await submit('2025-02');
    const d = await t.ok(REVIEW, { id: r.id, decision: 'ACCEPT' }, admin);
    expect(d.reviewOutputReport).toMatchObject({ id: r.id, status: 'ACCEPTED', reviewNote: null });
    const [row] = await t.dataSource.query(
      `SELECT reviewed_at IS NOT NULL AS reviewed, reviewed_by FROM output_reports WHERE id = $1`,
      [r.id],
    );
    expect(row.reviewed).toBe(true);
    const [reviewer] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      TEST_ADMIN.email,
    ]);
    expect(row.reviewed_by).toBe(reviewer.id);
    const [audit] = await t.dataSource.query(
      `SELECT operation, after->>'status' AS status FROM audit_events
       WHERE entity = 'OutputReport' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [r.id],
    );
    expect(audit).toEqual({ operation: 'reviewOutputReport', status: 'ACCEPTED' });
  });

  it('returns a report with a note, which the firm then resubmits as a new revision', async () => {
    const r = await submit('2025-03', { outputValue: '999.00' });
    const d = await t.ok(
      REVIEW,
      { id: r.id, decision: 'RETURN', note: '产值与营收不符 Output does not match revenue' },
      admin,
    );
    expect(d.reviewOutputReport).toMatchObject({
      status: 'RETURNED',
      reviewNote: '产值与营收不符 Output does not match revenue',
    });
    const again = await submit('2025-03', { outputValue: '1999.00' });
    expect(again.revision).toBe(2);
    const list = await t.ok(
      `query($f: OutputReportFilter) { outputReports(filter: $f) { edges { node {
         revision status outputValue revisions { revision status reviewNote } } } } }`,
      { f: { period: '2025-03' } },
      firmAdmin,
    );
    expect(list.outputReports.edges.map((e: any) => e.node)).toEqual([
      {
        revision: 2,
        status: 'SUBMITTED',
        outputValue: '1999.00',
        revisions: [
          {
            revision: 1,
            status: 'RETURNED',
            reviewNote: '产值与营收不符 Output does not match revenue',
          },
          { revision: 2, status: 'SUBMITTED', reviewNote: null },
        ],
      },
    ]);
  });

  it('refuses RETURN without a note (or with only spaces), naming note', async () => {
    const r = await submit('2025-04');
    for (const note of [undefined, '   ']) {
      const e = await refusedReview({ id: r.id, decision: 'RETURN', note }, 'BAD_USER_INPUT');
      expect(e.extensions.fields).toEqual([
        { field: 'note', message: expect.stringContaining('required') },
      ]);
    }
  });

  it('answers CONFLICT for a revision that a resubmission has superseded', async () => {
    const first = await submit('2025-05');
    await submit('2025-05');
    const e = await refusedReview({ id: first.id, decision: 'ACCEPT' }, 'CONFLICT');
    expect(e.message).toContain('superseded');
  });

  it('answers CONFLICT for a report already reviewed', async () => {
    const r = await submit('2025-06');
    await t.ok(REVIEW, { id: r.id, decision: 'ACCEPT' }, admin);
    const e = await refusedReview({ id: r.id, decision: 'RETURN', note: 'too late' }, 'CONFLICT');
    expect(e.message).toContain('already reviewed (ACCEPTED)');
  });

  it('answers NOT_FOUND for an unknown report and BAD_USER_INPUT for a malformed id', async () => {
    await refusedReview(
      { id: '00000000-0000-4000-8000-000000000000', decision: 'ACCEPT' },
      'NOT_FOUND',
    );
    const e = await refusedReview({ id: 'x', decision: 'ACCEPT' }, 'BAD_USER_INPUT');
    expect(e.extensions.fields?.[0].field).toBe('id');
  });

  it.each([Role.TENANT_ADMIN, Role.TENANT_REPORTER, Role.ANALYST, Role.SPACE_MANAGER])(
    'refuses %s: review is the committee ADMIN’s',
    async (role) => {
      const r = await submit('2025-07');
      const token = await t.tokenFor(role, role.startsWith('TENANT') ? { tenantId: firm.id } : {});
      await refusedReview({ id: r.id, decision: 'ACCEPT' }, 'FORBIDDEN', token);
    },
  );
});
