import { Role } from '@jcv/shared';
import type { DemoAccount } from './demo-accounts.js';

/** The demo firm whose users sign in below: 吕梁晋创智能科技有限公司, an AI+ firm of the startup zone. */
export const DEMO_FIRM_NAME = '吕梁晋创智能科技有限公司';

/** Accounts of demo firms and providers, made with their records by the demo loaders. */
export const DEMO_FIRM_ACCOUNTS: DemoAccount[] = [
  {
    email: 'firm-admin@jcv.example',
    role: Role.TENANT_ADMIN,
    displayName: `企业管理员 Firm admin, ${DEMO_FIRM_NAME}`,
  },
  {
    email: 'reporter@jcv.example',
    role: Role.TENANT_REPORTER,
    displayName: `填报员 Reporter, ${DEMO_FIRM_NAME}`,
  },
  { email: 'provider@jcv.example', role: Role.SERVICE_PROVIDER, displayName: '服务机构 IP agency' },
];
