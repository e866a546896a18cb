import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, COMMITTEE_ROLES, CurrentUser, Role, Roles } from '@jcv/shared';
import { ImportResult } from './import-result.type.js';
import { ReportExportService } from './report-export.service.js';
import { ReportImportService } from './report-import.service.js';
import {
  ExportOutputReportsArgs,
  ImportOutputReportsArgs,
  ReportFileExport,
} from './spreadsheets.args.js';

@Resolver()
export class SpreadsheetsResolver {
  constructor(
    private readonly importer: ReportImportService,
    private readonly exporter: ReportExportService,
  ) {}

  @Roles(Role.ADMIN)
  @Mutation(() => ImportResult, {
    description:
      'Imports monthly reports from an .xlsx or .csv file (one row per firm and month, keyed by credit code): all rows, or none when any row has a problem (listed in errors).',
  })
  importOutputReports(@CurrentUser() actor: Actor, @Args() args: ImportOutputReportsArgs) {
    return this.importer.importBase64(actor, args.fileName, args.contentBase64);
  }

  @Roles(...COMMITTEE_ROLES)
  @Query(() => ReportFileExport, {
    description:
      "A zone's reports for a year (latest revisions) as a spreadsheet with Chinese and English headers, which importOutputReports reads back.",
  })
  exportOutputReports(@Args() args: ExportOutputReportsArgs): Promise<ReportFileExport> {
    return this.exporter.exportBase64(args.zoneId, args.year, args.format ?? 'xlsx');
  }
}
