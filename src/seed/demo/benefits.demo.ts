import { Injectable } from '@nestjs/common';
import type { DemoContext } from './demo-context.js';

@Injectable()
export class BenefitsDemo {
  async load(_ctx: DemoContext): Promise<void> {}
}
