import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutputReport } from './entities/output-report.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutputReport])],
})
export class ReportingModule {}
