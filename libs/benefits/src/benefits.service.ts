import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { benefitsGranted } from './benefits-granted.js';

/** What other capabilities (the dashboards) read from benefits. */
@Injectable()
export class BenefitsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** See benefitsGranted(): granted to the zone's firms, decided in [from, to]. */
  grantedInZone(zoneId: string, from: string, to: string): Promise<string> {
    return benefitsGranted(this.dataSource.manager, zoneId, from, to);
  }
}
