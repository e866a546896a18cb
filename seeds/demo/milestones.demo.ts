import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  CountingService,
  MilestoneMetric,
  SnapshotJobService,
  TargetsService,
} from '@jcv/milestones';
import { ParkService, ZoneKind } from '@jcv/park';
import {
  CertificationKind,
  CertificationsService,
  ProjectsService,
  ProjectStage,
  Tenant,
  TenantKind,
} from '@jcv/tenants';
import type { DemoContext } from './demo-context.js';

// On top of the firms, certificates, projects and reports of the other demo loaders: 2025 closes
// with a target reached (the high-tech firms, certified up to the target in December) beside
// those the other loaders leave just short (new firms, projects, output); 2026 gets one more
// project in September; and this year's daily snapshots are taken week by week so that the
// trend and its alerts show. Deterministic: firms are picked in name order. Certificates and
// projects go through their services and the snapshots through the worker's job, run for past
// days; SQL only reads which firms to pick.

const END_2025 = '2025-12-31';
const LATE_2025_CERTIFICATES = '2025-12-08';
const SEPTEMBER_2026_PROJECT = '2026-09-18';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

@Injectable()
export class MilestonesDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
    private readonly targets: TargetsService,
    private readonly counting: CountingService,
    private readonly certifications: CertificationsService,
    private readonly projects: ProjectsService,
    private readonly snapshots: SnapshotJobService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const zones = (await this.park.zones()).filter((z) => z.parkId === ctx.parkId);
    const startup = zones.find((z) => z.kind === ZoneKind.STARTUP)!.id;
    const expansion = zones.find((z) => z.kind === ZoneKind.EXPANSION)!.id;
    if (ctx.today > END_2025) {
      await this.topUpHighTech2025(ctx, startup);
    }
    if (ctx.today > SEPTEMBER_2026_PROJECT) {
      await this.recordProjects(ctx, expansion, SEPTEMBER_2026_PROJECT, ['煤矸石制备陶粒产业化']);
    }
    await this.recordTrend(ctx);
  }

  private async target(year: number, metric: MilestoneMetric, zoneId: string) {
    const t = (await this.targets.list(year)).find(
      (x) => x.metric === metric && x.zoneId === zoneId,
    );
    return t ? Number(t.target) : null;
  }

  /** The 2025 startup firms still without a HIGH_TECH certificate get one in December. */
  private async topUpHighTech2025(ctx: DemoContext, startup: string): Promise<void> {
    const target = await this.target(2025, MilestoneMetric.NEW_HIGH_TECH_FIRMS, startup);
    if (target === null) return;
    const [firms, holders] = await this.counting.contributorIds(2025, END_2025, [
      { metric: MilestoneMetric.NEW_TECH_FIRMS, scope: startup },
      { metric: MilestoneMetric.NEW_HIGH_TECH_FIRMS, scope: startup },
    ]);
    const missing = target - holders.length;
    if (missing <= 0) return;
    const byId = new Map(
      (await this.dataSource.getRepository(Tenant).findBy({ id: In(firms) })).map((t) => [t.id, t]),
    );
    const candidates = firms
      .filter((id) => !holders.includes(id))
      .map((id) => byId.get(id)!)
      .filter((t) => t.kind === TenantKind.FIRM && t.enteredOn <= LATE_2025_CERTIFICATES);
    for (const [i, firm] of candidates.slice(0, missing).entries()) {
      await this.certifications.add(ctx.admin, {
        tenantId: firm.id,
        kind: CertificationKind.HIGH_TECH,
        certificateNo: `GR20251400${5101 + i}`,
        issuedOn: LATE_2025_CERTIFICATES,
        expiresOn: addDays(LATE_2025_CERTIFICATES, 3 * 365 - 1),
      });
    }
  }

  /** Projects cultivated on `on`, by the zone's firms resident that day, in name order. */
  private async recordProjects(
    ctx: DemoContext,
    zoneId: string,
    on: string,
    names: string[],
  ): Promise<void> {
    const firms: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM tenants
       WHERE zone_id = $1 AND entered_on <= $2 AND (exited_on IS NULL OR exited_on >= $2)
       ORDER BY name, id`,
      [zoneId, on],
    );
    if (!firms.length) return;
    for (const [i, name] of names.entries()) {
      await this.projects.record(ctx.admin, {
        tenantId: firms[i % firms.length].id,
        name,
        stage: ProjectStage.PILOT,
        cultivatedOn: on,
      });
    }
  }

  /** The snapshots the worker would have taken this year: every 7 days from 1 January, and today. */
  private async recordTrend(ctx: DemoContext): Promise<void> {
    const days: string[] = [];
    for (let d = `${ctx.today.slice(0, 4)}-01-01`; d < ctx.today; d = addDays(d, 7)) days.push(d);
    days.push(ctx.today);
    let alerts = 0;
    for (const day of days) alerts += (await this.snapshots.run(day)).alerts;
    this.log.log(`milestone snapshots of ${days.length} days, ${alerts} alert(s)`);
  }
}
