import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '@jcv/audit';
import { Role } from '@jcv/shared';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const SET_TARGET = `mutation($i: MilestoneTargetInput!) { setMilestoneTarget(input: $i) { id target } }`;
const codeOf = (res: { errors?: { extensions: { code: string } }[] }) =>
  res.errors?.[0]?.extensions.code;

describe('the audit trail', () => {
  it('records who changed what, before and after, with each mutation', async () => {
    const token = await t.adminToken();
    const input = { year: 2031, metric: 'ANNUAL_OUTPUT_VALUE', target: '12', source: 'test' };
    const first = await t.ok(SET_TARGET, { i: input }, token);
    await t.ok(SET_TARGET, { i: { ...input, target: '15.50' } }, token);
    const events = await t.ok(
      `query($id: String) { auditEvents(entity: "MilestoneTarget", entityId: $id, first: 10) {
        totalCount edges { node { operation actorRole entity entityId before after } } } }`,
      { id: first.setMilestoneTarget.id },
      token,
    );
    expect(events.auditEvents.totalCount).toBe(2);
    const [latest, earlier] = events.auditEvents.edges.map((e: any) => e.node);
    expect(latest).toMatchObject({
      operation: 'setMilestoneTarget',
      actorRole: 'ADMIN',
      entityId: first.setMilestoneTarget.id,
    });
    expect(JSON.parse(latest.before).target).toBe('12.00');
    expect(JSON.parse(latest.after).target).toBe('15.50');
    expect(earlier.before).toBeNull();
  });

  it('writes nothing, neither change nor event, for a refused mutation', async () => {
    const token = await t.adminToken();
    const [targets, events] = [await t.count('milestone_targets'), await t.count('audit_events')];
    const res = await t.gql(
      SET_TARGET,
      { i: { year: 1999, metric: 'NEW_TECH_FIRMS', target: '-1', source: '' } },
      token,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual([
      'source',
      'target',
      'year',
    ]);
    expect(await t.count('milestone_targets')).toBe(targets);
    expect(await t.count('audit_events')).toBe(events);
  });

  it('rolls the event back with the change it belongs to', async () => {
    const audit = t.app.get(AuditService);
    const before = await t.count('audit_events');
    await expect(
      t.dataSource.transaction(async (em) => {
        await audit.record(em, { actor: null, operation: 'doomed', entity: 'Test' });
        throw new Error('the change fails after its event was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await t.count('audit_events')).toBe(before);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await t.ok(
      SET_TARGET,
      { i: { year: 2032, metric: 'NEW_TECH_FIRMS', target: '1', source: 'x' } },
      await t.adminToken(),
    );
    await expect(
      t.dataSource.query(`UPDATE audit_events SET operation = 'forged'`),
    ).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE operation = 'forged'`,
    );
    expect(n).toBe(0);
  });

  it('is readable by ADMIN only, a page at a time covering every event once', async () => {
    expect(
      codeOf(await t.gql(`{ auditEvents { totalCount } }`, {}, await t.tokenFor(Role.ANALYST))),
    ).toBe('FORBIDDEN');
    const token = await t.adminToken();
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const page: any = await t.ok(
        `query($after: String) { auditEvents(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
        token,
      );
      total = page.auditEvents.totalCount;
      seen.push(...page.auditEvents.edges.map((e: any) => e.node.id));
      after = page.auditEvents.pageInfo.hasNextPage ? page.auditEvents.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('never stores passwords', async () => {
    const rows = await t.dataSource.query(
      `SELECT after::text AS after FROM audit_events WHERE entity = 'User'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.after ?? '').not.toMatch(/password|argon2/i);
  });
});
