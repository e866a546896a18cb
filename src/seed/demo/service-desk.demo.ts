import { Injectable } from '@nestjs/common';
import type { DemoContext } from './demo-context.js';

@Injectable()
export class ServiceDeskDemo {
  async load(_ctx: DemoContext): Promise<void> {}
}
