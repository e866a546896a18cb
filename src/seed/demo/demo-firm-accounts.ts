import type { DemoAccount } from './demo-accounts.js';

/** Accounts of demo firms and providers, made with their records by the demo loaders. */
export const DEMO_FIRM_ACCOUNTS: DemoAccount[] = [];
