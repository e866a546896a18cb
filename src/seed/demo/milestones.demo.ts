import { Injectable } from '@nestjs/common';
import type { DemoContext } from './demo-context.js';

@Injectable()
export class MilestonesDemo {
  async load(_ctx: DemoContext): Promise<void> {}
}
