import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReportFileExport } from '@jcv/reporting';
import { Role, Roles } from '@jcv/shared';
import { ExportBillsArgs } from './bills-export.args.js';
import { BillsExportService } from './bills-export.service.js';

@Resolver()
export class BillsExportResolver {
  constructor(private readonly exporter: BillsExportService) {}

  @Roles(Role.ADMIN, Role.SPACE_MANAGER)
  @Query(() => ReportFileExport, {
    description:
      "A month's bills as an .xlsx with Chinese and English headers: one row per bill (VOID ones included), ordered by number.",
  })
  exportBills(@Args() args: ExportBillsArgs): Promise<ReportFileExport> {
    return this.exporter.exportBase64(args.period, args.zoneId);
  }
}
