import { Injectable, Logger } from '@nestjs/common';
import { actorOf, type User, UsersService } from '@jcv/identity';
import { COMMITTEE_DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';

/**
 * The synthetic demo park of development. Each capability adds its part here, in dependency
 * order, through the same services the API uses, so the demo data obeys every rule.
 */
@Injectable()
export class DemoService {
  private readonly log = new Logger('Demo');

  constructor(private readonly users: UsersService) {}

  async load(parkId: string, admin: User): Promise<void> {
    const actor = actorOf(admin);
    for (const account of COMMITTEE_DEMO_ACCOUNTS) {
      await this.users.create(actor, { ...account, password: DEMO_PASSWORD }, 'demoSeed');
    }
    void parkId;
    this.log.log('demo park loaded');
  }
}
