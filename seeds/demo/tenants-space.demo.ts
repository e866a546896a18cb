import { Injectable, Logger } from '@nestjs/common';
import { actorOf, UsersService } from '@jcv/identity';
import { ParkService, ZoneKind } from '@jcv/park';
import { type Actor, Role, todayInShanghai } from '@jcv/shared';
import {
  BuildingsService,
  LeasesService,
  SpaceApplicationsService,
  type Unit,
  UnitCondition,
  UnitKind,
  UnitsService,
} from '@jcv/space';
import {
  CertificationKind,
  CertificationsService,
  CREDIT_CODE_CHARSET,
  IndustryChain,
  ProjectsService,
  ProjectStage,
  type Tenant,
  TenantKind,
  TenantsService,
  TenantStatus,
  withCheckChar,
} from '@jcv/tenants';
import { DEMO_PASSWORD } from './demo-accounts.js';
import type { DemoContext } from './demo-context.js';
import { DEMO_FIRM_ACCOUNTS, DEMO_FIRM_NAME } from './demo-firm-accounts.js';

// The demo park's firms and space. Fixed lists and a seeded generator keep it the same on every
// load; dates are spread over 2024 to the demo's today so that the plan's 2025 and 2026
// startup-zone targets (30 and 40 new technology firms) look like a park at work: 28 entered
// in 2025 and 25 so far in 2026. Everything goes through the services, whose rules apply
// (credit codes, leases that never overlap, exits that end leases).

/** mulberry32: a small seeded generator, so that the demo never depends on Math.random. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Places and lucky words of 吕梁 that firms are named after. */
const PLACES = (
  '晋创 离石 汾阳 孝义 柳林 方山 岚县 交城 文水 中阳 石楼 临县 兴县 交口 黄河 北川 东川 凤山 ' +
  '龙凤 天宁 华晋 晋西 恒泰 瑞丰 鑫源 宏达 卓越 启航 三川 云顶 薛公岭 骨脊山 碛口 贾家庄 ' +
  '杏花村 玄中 安国 北武当'
).split(' ');

const TRADES: Record<IndustryChain, string[]> = {
  [IndustryChain.AI_PLUS]: ['智能科技', '数据科技', '智算科技', '机器人科技', '视觉科技'],
  [IndustryChain.HYDROGEN]: ['氢能科技', '氢能装备', '燃料电池科技'],
  [IndustryChain.CARBON_MATERIALS]: ['碳材料科技', '石墨烯科技', '碳纤维科技'],
  [IndustryChain.SPECIAL_STEEL]: ['特钢材料', '精密合金', '金属材料科技'],
  [IndustryChain.SOLID_WASTE]: ['固废利用科技', '环保科技', '再生资源科技'],
  [IndustryChain.OTHER]: ['企业管理咨询', '文化传媒', '检测技术服务'],
};

/** What the demo's teams work on, by chain; a team is named after its topic. */
const TEAM_TOPICS: Record<IndustryChain, string[]> = {
  [IndustryChain.AI_PLUS]: ['工业视觉质检', '大模型应用', '矿山无人驾驶'],
  [IndustryChain.HYDROGEN]: ['氢能储运', '光伏制氢'],
  [IndustryChain.CARBON_MATERIALS]: ['煤基碳纤维', '针状焦'],
  [IndustryChain.SPECIAL_STEEL]: ['特钢表面处理'],
  [IndustryChain.SOLID_WASTE]: ['赤泥资源化', '粉煤灰提铝'],
  [IndustryChain.OTHER]: ['红枣深加工'],
};

/** The six chains in the mix of a coal-and-steel region turning to new industries. */
const STARTUP_CHAINS = [
  IndustryChain.AI_PLUS,
  IndustryChain.CARBON_MATERIALS,
  IndustryChain.HYDROGEN,
  IndustryChain.AI_PLUS,
  IndustryChain.SOLID_WASTE,
  IndustryChain.SPECIAL_STEEL,
  IndustryChain.AI_PLUS,
  IndustryChain.CARBON_MATERIALS,
  IndustryChain.OTHER,
];
const EXPANSION_CHAINS = [
  IndustryChain.HYDROGEN,
  IndustryChain.SPECIAL_STEEL,
  IndustryChain.CARBON_MATERIALS,
  IndustryChain.SOLID_WASTE,
];

/** Entries per zone and year: [technology firms and teams, of which teams, other firms]. */
const COHORTS: { zone: ZoneKind; year: number; tech: number; teams: number; other: number }[] = [
  { zone: ZoneKind.STARTUP, year: 2024, tech: 5, teams: 1, other: 1 },
  { zone: ZoneKind.STARTUP, year: 2025, tech: 28, teams: 3, other: 2 },
  { zone: ZoneKind.STARTUP, year: 2026, tech: 25, teams: 2, other: 1 },
  { zone: ZoneKind.EXPANSION, year: 2024, tech: 3, teams: 0, other: 0 },
  { zone: ZoneKind.EXPANSION, year: 2025, tech: 4, teams: 0, other: 0 },
  { zone: ZoneKind.EXPANSION, year: 2026, tech: 3, teams: 0, other: 0 },
];

interface UnitPlan {
  kind: UnitKind;
  count: number;
  area: [number, number];
  rate: string;
}
/**
 * The demo's buildings. propertyFeePerSqm is the monthly 物业费 per m² that bills charge on top of
 * the rent; the 众创空间's workstations have it in their rent, so their bills show no fee line.
 */
const BUILDINGS: {
  zone: ZoneKind;
  code: string;
  name: string;
  propertyFeePerSqm: string;
  floors: UnitPlan[][];
}[] = [
  {
    zone: ZoneKind.STARTUP,
    code: 'A',
    name: '创业孵化大厦A座',
    propertyFeePerSqm: '3.50',
    floors: Array.from({ length: 5 }, (_, f) => [
      { kind: UnitKind.OFFICE, count: 6, area: [80, 200], rate: '38.00' },
      { kind: UnitKind.LAB, count: f < 2 ? 2 : 1, area: [120, 260], rate: '52.00' },
    ]),
  },
  {
    zone: ZoneKind.STARTUP,
    code: 'B',
    name: '创业孵化大厦B座',
    propertyFeePerSqm: '3.50',
    floors: Array.from({ length: 4 }, () => [
      { kind: UnitKind.OFFICE, count: 4, area: [60, 150], rate: '35.00' },
      { kind: UnitKind.LAB, count: 2, area: [150, 300], rate: '50.00' },
    ]),
  },
  {
    zone: ZoneKind.STARTUP,
    code: 'C',
    name: '众创空间',
    propertyFeePerSqm: '0.00',
    floors: [[{ kind: UnitKind.WORKSTATION, count: 12, area: [8, 12], rate: '60.00' }]],
  },
  {
    zone: ZoneKind.EXPANSION,
    code: 'P1',
    name: '中试基地1号厂房',
    propertyFeePerSqm: '5.00',
    floors: [
      [
        { kind: UnitKind.PILOT_LINE, count: 3, area: [800, 1600], rate: '30.00' },
        { kind: UnitKind.WORKSHOP, count: 3, area: [500, 1200], rate: '22.00' },
      ],
    ],
  },
  {
    zone: ZoneKind.EXPANSION,
    code: 'P2',
    name: '中试基地2号厂房',
    propertyFeePerSqm: '5.00',
    floors: [
      [
        { kind: UnitKind.WORKSHOP, count: 4, area: [600, 1500], rate: '20.00' },
        { kind: UnitKind.PILOT_LINE, count: 2, area: [1000, 2000], rate: '28.00' },
      ],
    ],
  },
  {
    zone: ZoneKind.EXPANSION,
    code: 'W1',
    name: '仓储物流中心',
    propertyFeePerSqm: '2.00',
    floors: [[{ kind: UnitKind.WAREHOUSE, count: 4, area: [400, 900], rate: '12.50' }]],
  },
];

const PROJECTS = (
  '氢燃料电池电堆中试线 煤基碳纤维千吨级产业化 高端特钢棒材精整线 赤泥综合利用示范线 ' +
  '石墨负极材料中试 工业固废制备新型建材 加氢站关键装备产业化 特种合金粉末冶金 ' +
  '焦炉煤气制氢提纯 碳化硅粉体产业化'
).split(' ');

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** n dates spread evenly over year Y, none after `last`; fewer when the year has barely begun. */
function spread(year: number, n: number, last: string): string[] {
  const from = `${year}-01-06`;
  const to = [`${year}-12-20`, last].sort()[0];
  const span = daysBetween(from, to);
  if (span < 0) return [];
  return Array.from({ length: n }, (_, i) => addDays(from, Math.floor(((i + 0.5) * span) / n)));
}

/** FNV-1a of a string, as a number in [0, 1): variety that leaves the seeded generator alone. */
function hash(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

/** The demo firm's 成立日期: founded five months before it moved in, well within 24 months. */
const DEMO_FIRM_FOUNDED_ON = '2024-08-16';

/**
 * 成立日期 of a demo tenant. Most firms were founded within two years of entering (the national
 * rule for incubated firms); about one in five, and more of the expansion zone's pilot-scale
 * firms, are spin-offs of older companies founded three to ten years before. A team gets the
 * day it formed, a few weeks to half a year before it came; one in three never gave it. Never
 * after the day it entered nor after today, which the tenants service refuses.
 */
function foundedOnOf(
  name: string,
  kind: TenantKind,
  zone: ZoneKind,
  enteredOn: string,
): string | null {
  if (name === DEMO_FIRM_NAME) return DEMO_FIRM_FOUNDED_ON;
  const h = hash(name, 'founded');
  const k = hash(name, 'founded', 'days');
  let daysBefore: number;
  if (kind === TenantKind.TEAM) {
    if (h < 1 / 3) return null;
    daysBefore = 20 + Math.floor(k * 160);
  } else if (h < (zone === ZoneKind.EXPANSION ? 0.5 : 0.2)) {
    daysBefore = 1100 + Math.floor(k * 2550);
  } else {
    daysBefore = 15 + Math.floor(k * 690);
  }
  return [addDays(enteredOn, -daysBefore), todayInShanghai()].sort()[0];
}

/** Three years less a day: the park's usual incubation lease. */
const threeYears = (start: string) =>
  addDays(`${Number(start.slice(0, 4)) + 3}${start.slice(4)}`, -1);

interface DemoTenant {
  tenant: Tenant;
  wants: UnitKind[];
}

/** What the steps of one demo load share. */
interface DemoRun {
  ctx: DemoContext;
  admin: Actor;
  random: () => number;
  /** The last day facts may fall on: the demo's yesterday. */
  yesterday: string;
  zoneId: (kind: ZoneKind) => string;
  /** Units not let yet, by `${zone}:${kind}`, in the order they are handed out. */
  free: Map<string, Unit[]>;
  units: Unit[];
  tenants: DemoTenant[];
}

@Injectable()
export class TenantsSpaceDemo {
  private readonly log = new Logger('Demo');

  constructor(
    private readonly park: ParkService,
    private readonly tenants: TenantsService,
    private readonly certifications: CertificationsService,
    private readonly projects: ProjectsService,
    private readonly buildings: BuildingsService,
    private readonly units: UnitsService,
    private readonly leases: LeasesService,
    private readonly applications: SpaceApplicationsService,
    private readonly users: UsersService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const zones = new Map(
      (await this.park.zones()).filter((z) => z.parkId === ctx.parkId).map((z) => [z.kind, z]),
    );
    const run: DemoRun = {
      ctx,
      admin: ctx.admin,
      random: seeded(20250530),
      yesterday: addDays(ctx.today, -1),
      zoneId: (kind) => zones.get(kind)!.id,
      free: new Map(),
      units: [],
      tenants: [],
    };
    await this.buildSpace(run);
    await this.registerTenants(run);
    await this.letSpace(run);
    await this.certify(run);
    await this.recordProjects(run);
    await this.recordExits(run);
    await this.firmAccountsAndApplications(run);
    await this.bookAndCancel(run);
    this.log.log(
      `${run.tenants.length} tenants, ${run.units.length} units in ${BUILDINGS.length} buildings`,
    );
  }

  /** Buildings and their units; two kept under maintenance and one retired are never let. */
  private async buildSpace(run: DemoRun): Promise<void> {
    for (const b of BUILDINGS) {
      const building = await this.buildings.create(run.admin, {
        zoneId: run.zoneId(b.zone),
        code: b.code,
        name: b.name,
        propertyFeePerSqm: b.propertyFeePerSqm,
      });
      for (const [f, plans] of b.floors.entries()) {
        let n = 1;
        for (const plan of plans) {
          for (let i = 0; i < plan.count; i++) {
            const [lo, hi] = plan.area;
            const unit = await this.units.create(run.admin, {
              buildingId: building.id,
              code: `${b.code}-${f + 1}${String(n++).padStart(2, '0')}`,
              floor: f + 1,
              kind: plan.kind,
              area: (lo + Math.round(run.random() * (hi - lo) * 2) / 2).toFixed(2),
              monthlyRentPerSqm: plan.rate,
            });
            run.units.push(unit);
            const key = `${b.zone}:${plan.kind}`;
            run.free.set(key, [...(run.free.get(key) ?? []), unit]);
          }
        }
      }
    }
    const outOfLetting: [string, UnitCondition][] = [
      ['A-507', UnitCondition.MAINTENANCE],
      ['P2-104', UnitCondition.MAINTENANCE],
      ['C-112', UnitCondition.RETIRED],
    ];
    for (const [code, condition] of outOfLetting) {
      const unit = run.units.find((u) => u.code === code)!;
      await this.units.setCondition(run.admin, { unitId: unit.id, condition });
      for (const [key, list] of run.free) {
        run.free.set(
          key,
          list.filter((u) => u.id !== unit.id),
        );
      }
    }
  }

  /** Cohorts by zone and year; the demo firm is the first of 2025's startup firms. */
  private async registerTenants(run: DemoRun): Promise<void> {
    let nameIndex = 0;
    let chainIndex = 0;
    const teamCount = new Map<IndustryChain, number>();
    const nextTopic = (chain: IndustryChain) => {
      const n = teamCount.get(chain) ?? 0;
      teamCount.set(chain, n + 1);
      return TEAM_TOPICS[chain][n % TEAM_TOPICS[chain].length];
    };
    for (const c of COHORTS) {
      const dates = spread(c.year, c.tech + c.other, run.yesterday);
      // Teams are spread among the technology entrants: the 2nd, then every (tech / teams)th.
      const step = Math.floor(c.tech / Math.max(c.teams, 1));
      const teamAt = new Set(Array.from({ length: c.teams }, (_, k) => 1 + k * step));
      const chains = c.zone === ZoneKind.STARTUP ? STARTUP_CHAINS : EXPANSION_CHAINS;
      for (const [i, enteredOn] of dates.entries()) {
        const isTeam = teamAt.has(i);
        const isTech = i < c.tech;
        const featured = c.zone === ZoneKind.STARTUP && c.year === 2025 && i === 0;
        const chain = featured
          ? IndustryChain.AI_PLUS
          : isTech
            ? chains[chainIndex++ % chains.length]
            : IndustryChain.OTHER;
        const place = PLACES[nameIndex++ % PLACES.length];
        const trade = TRADES[chain][nameIndex % TRADES[chain].length];
        const name = featured
          ? DEMO_FIRM_NAME
          : isTeam
            ? `${nextTopic(chain)}创新团队`
            : `吕梁${place}${trade}有限公司`;
        const kind = isTeam ? TenantKind.TEAM : TenantKind.FIRM;
        const tenant = await this.tenants.register(run.admin, {
          name,
          kind,
          creditCode: isTeam ? null : creditCode(run.random),
          zoneId: run.zoneId(c.zone),
          industryChain: chain,
          isTechFirm: isTech,
          enteredOn,
          foundedOn: foundedOnOf(name, kind, c.zone, enteredOn),
        });
        const wants =
          c.zone === ZoneKind.EXPANSION
            ? [UnitKind.PILOT_LINE, UnitKind.WORKSHOP, UnitKind.WAREHOUSE]
            : isTeam
              ? [UnitKind.WORKSTATION]
              : i % 4 === 2
                ? [UnitKind.LAB, UnitKind.OFFICE]
                : [UnitKind.OFFICE, UnitKind.LAB];
        run.tenants.push({ tenant, wants });
      }
    }
  }

  /**
   * Most tenants lease from the day they entered, for three years. Every eighth goes without
   * (it works elsewhere or is still looking). The 2024 startup firms began at a workstation and
   * moved into an office a year later, so their first lease has ENDED; the seat is not let
   * again, so that no later lease runs into it.
   */
  private async letSpace(run: DemoRun): Promise<void> {
    for (const [i, { tenant, wants }] of run.tenants.entries()) {
      if (i % 8 === 5 && tenant.name !== DEMO_FIRM_NAME) continue;
      const zone = zoneOf(run, tenant);
      let start = tenant.enteredOn;
      if (zone === ZoneKind.STARTUP && start < '2025-01-01' && tenant.kind === TenantKind.FIRM) {
        const seat = take(run, zone, [UnitKind.WORKSTATION]);
        if (seat) {
          const moved = addDays(start, 365);
          await this.leases.allocate(run.admin, {
            unitId: seat.id,
            tenantId: tenant.id,
            startDate: start,
            endDate: addDays(moved, -1),
          });
          start = moved;
        }
      }
      const unit = take(run, zone, wants);
      if (!unit) continue;
      await this.leases.allocate(run.admin, {
        unitId: unit.id,
        tenantId: tenant.id,
        startDate: start,
        endDate: threeYears(start),
      });
    }
  }

  /**
   * High-tech (three years) and SRDI certificates for some of the new startup firms, close to
   * the plan's "of which" targets; TECH_SME for more. None issued after the demo's yesterday.
   */
  private async certify(run: DemoRun): Promise<void> {
    const add = async (
      tenant: Tenant | undefined,
      kind: CertificationKind,
      issuedOn: string,
      no: string,
    ) => {
      if (!tenant || issuedOn > run.yesterday || issuedOn < tenant.enteredOn) return;
      await this.certifications.add(run.admin, {
        tenantId: tenant.id,
        kind,
        certificateNo: no,
        issuedOn,
        expiresOn: kind === CertificationKind.HIGH_TECH ? threeYears(issuedOn) : null,
      });
    };
    const [y2024, y2025, y2026] = [2024, 2025, 2026].map((y) => startupFirms(run, y));
    for (const [i, t] of y2024.slice(0, 2).entries()) {
      await add(t, CertificationKind.HIGH_TECH, `2024-12-0${i + 2}`, `GR20241400${1201 + i}`);
    }
    for (const [i, t] of [y2025[0], y2025[3], y2025[7], y2025[11]].entries()) {
      await add(t, CertificationKind.HIGH_TECH, '2025-11-20', `GR20251400${3301 + i}`);
    }
    const issued2026 = ['2026-06-10', '2026-10-28', '2026-11-05'];
    for (const [i, t] of [y2026[0], y2026[2], y2026[5]].entries()) {
      await add(t, CertificationKind.HIGH_TECH, issued2026[i], `GR20261400${4401 + i}`);
    }
    await add(y2025[1], CertificationKind.SRDI, '2025-08-20', 'ZJTX-LL-2025-003');
    await add(y2026[1], CertificationKind.SRDI, '2026-07-15', 'ZJTX-LL-2026-007');
    const smes = [
      ...y2024,
      ...y2025.filter((_, k) => k % 3 === 2),
      ...y2026.filter((_, k) => k % 4 === 3),
    ];
    for (const [i, t] of smes.entries()) {
      const issued = [addDays(t.enteredOn, 90), run.yesterday].sort()[0];
      await add(t, CertificationKind.TECH_SME, issued, `${issued.slice(0, 4)}141100A0${2001 + i}`);
    }
  }

  /** The expansion zone's projects: five cultivated in 2025, four so far in 2026, one not yet. */
  private async recordProjects(run: DemoRun): Promise<void> {
    const expansion = expansionTenants(run);
    const cultivated = [
      ...spread(2025, 5, run.yesterday).map((d) => [d, ProjectStage.PILOT] as const),
      ...spread(2026, 4, run.yesterday).map((d) => [d, ProjectStage.INCUBATING] as const),
    ];
    for (const [i, [on, stage]] of cultivated.entries()) {
      // A firm that had entered by then, taking turns among the latest three.
      const present = expansion.filter((t) => t.enteredOn <= on).reverse();
      await this.projects.record(run.admin, {
        tenantId: present[i % Math.min(3, present.length)].id,
        name: PROJECTS[i],
        stage: i < 2 ? ProjectStage.INDUSTRIALIZED : stage,
        cultivatedOn: on,
      });
    }
    await this.projects.record(run.admin, {
      tenantId: expansion[0].id,
      name: PROJECTS[9],
      stage: ProjectStage.INCUBATING,
      cultivatedOn: null,
    });
  }

  /** One firm graduated to its own plant, one team stopped; their leases end with them. */
  private async recordExits(run: DemoRun): Promise<void> {
    const y2024 = startupFirms(run, 2024);
    const graduate = y2024[y2024.length - 1];
    await this.tenants.exit(run.admin, {
      tenantId: graduate.id,
      exitedOn: [addDays(graduate.enteredOn, 540), run.yesterday].sort()[0],
      status: TenantStatus.GRADUATED,
    });
    const team = run.tenants.find(
      ({ tenant }) => tenant.kind === TenantKind.TEAM && tenant.enteredOn.startsWith('2025'),
    )?.tenant;
    if (team && '2026-03-31' <= run.yesterday) {
      await this.tenants.exit(run.admin, {
        tenantId: team.id,
        exitedOn: '2026-03-31',
        status: TenantStatus.EXITED,
      });
    }
  }

  /**
   * The demo firm's two accounts and its application for a lab from next month; in the
   * expansion zone an application approved onto a warehouse and one turned down.
   */
  private async firmAccountsAndApplications(run: DemoRun): Promise<void> {
    const { admin, ctx } = run;
    const demoFirm = run.tenants.find(({ tenant }) => tenant.name === DEMO_FIRM_NAME)!.tenant;
    let firmAdmin: Actor = admin;
    for (const account of DEMO_FIRM_ACCOUNTS.filter((a) => a.role !== Role.SERVICE_PROVIDER)) {
      const user = await this.users.create(
        admin,
        { ...account, password: DEMO_PASSWORD, tenantId: demoFirm.id },
        'demoSeed',
      );
      if (account.role === Role.TENANT_ADMIN) firmAdmin = actorOf(user);
    }
    const nextMonth = addDays(ctx.today, 30);
    await this.applications.apply(firmAdmin, {
      tenantId: demoFirm.id,
      zoneId: run.zoneId(ZoneKind.STARTUP),
      unitKind: UnitKind.LAB,
      area: '180',
      fromDate: nextMonth,
      toDate: threeYears(nextMonth),
      purpose: '工业视觉质检算法的样机测试实验室 a test lab for the visual-inspection prototype',
    });

    const [asker, turnedDown] = expansionTenants(run).slice(-2);
    const wanted = await this.applications.apply(admin, {
      tenantId: asker.id,
      zoneId: run.zoneId(ZoneKind.EXPANSION),
      unitKind: UnitKind.WAREHOUSE,
      area: '600',
      fromDate: addDays(ctx.today, 14),
      toDate: addDays(ctx.today, 14 + 729),
      purpose: '原料与成品仓储 storage of feedstock and finished goods',
    });
    const warehouse = take(run, ZoneKind.EXPANSION, [UnitKind.WAREHOUSE])!;
    await this.applications.approve(admin, wanted.id, warehouse.id, '仓储物流中心, 两年');
    const tooBig = await this.applications.apply(admin, {
      tenantId: turnedDown.id,
      zoneId: run.zoneId(ZoneKind.EXPANSION),
      unitKind: UnitKind.PILOT_LINE,
      area: '3000',
      fromDate: addDays(ctx.today, 7),
      toDate: addDays(ctx.today, 7 + 1094),
      purpose: '万吨级中试线扩产 scale-up of the pilot line',
    });
    await this.applications.reject(
      admin,
      tooBig.id,
      '暂无3000平方米的中试线空间; 二期厂房建成后优先安排',
    );
  }

  /** A lease booked and cancelled before it began: TERMINATED, it leaves the office free. */
  private async bookAndCancel(run: DemoRun): Promise<void> {
    const office = take(run, ZoneKind.STARTUP, [UnitKind.OFFICE]);
    const y2026 = startupFirms(run, 2026);
    if (!office || !y2026.length) return;
    const start = addDays(run.ctx.today, 45);
    const lease = await this.leases.allocate(run.admin, {
      unitId: office.id,
      tenantId: y2026[y2026.length - 1].id,
      startDate: start,
      endDate: threeYears(start),
    });
    await this.leases.end(run.admin, lease.id, addDays(start, -1), run.ctx.today);
  }
}

function zoneOf(run: DemoRun, tenant: Tenant): ZoneKind {
  return tenant.zoneId === run.zoneId(ZoneKind.STARTUP) ? ZoneKind.STARTUP : ZoneKind.EXPANSION;
}

/** The first free unit of the first kind that has one. */
function take(run: DemoRun, zone: ZoneKind, kinds: UnitKind[]): Unit | undefined {
  for (const kind of kinds) {
    const unit = run.free.get(`${zone}:${kind}`)?.shift();
    if (unit) return unit;
  }
  return undefined;
}

/** Technology firms (not teams) that entered the startup zone in `year`. */
function startupFirms(run: DemoRun, year: number): Tenant[] {
  return run.tenants
    .map((r) => r.tenant)
    .filter(
      (t) =>
        zoneOf(run, t) === ZoneKind.STARTUP &&
        t.kind === TenantKind.FIRM &&
        t.isTechFirm &&
        t.enteredOn.startsWith(String(year)),
    );
}

function expansionTenants(run: DemoRun): Tenant[] {
  return run.tenants.map((r) => r.tenant).filter((t) => zoneOf(run, t) === ZoneKind.EXPANSION);
}

/**
 * 统一社会信用代码 of a company registered in 吕梁市: 9 (market regulator), 1 (enterprise),
 * 141100 (the city), MA0… (a recent registration), and the GB 32100-2015 check character.
 */
function creditCode(random: () => number): string {
  const organisation = Array.from(
    { length: 6 },
    () => CREDIT_CODE_CHARSET[Math.floor(random() * CREDIT_CODE_CHARSET.length)],
  ).join('');
  return withCheckChar(`91141100MA0${organisation}`);
}
