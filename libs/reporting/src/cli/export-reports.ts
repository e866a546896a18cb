// Exports a zone's output reports for a year: --zone CODE|ID --year YYYY [--format] [--out].
import { runCommand } from './cli-context.js';
import { exportReportsCommand } from './export-command.js';

runCommand(exportReportsCommand);
