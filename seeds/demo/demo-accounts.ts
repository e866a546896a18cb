import { Role } from '@jcv/shared';

/** Every demo account shares this password; demo data never loads in production. */
export const DEMO_PASSWORD = 'demo-password-2025';

export interface DemoAccount {
  email: string;
  role: Role;
  displayName: string;
}

/** The committee's demo accounts; firm and provider accounts are made with their records. */
export const COMMITTEE_DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'space@jcv.example', role: Role.SPACE_MANAGER, displayName: '空间管理 Space manager' },
  {
    email: 'policy@jcv.example',
    role: Role.POLICY_OFFICER,
    displayName: '政策专员 Policy officer',
  },
  { email: 'desk@jcv.example', role: Role.SERVICE_DESK, displayName: '服务台 Service desk' },
  { email: 'analyst@jcv.example', role: Role.ANALYST, displayName: '分析员 Analyst' },
];
