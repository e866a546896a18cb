// `npm run import:reports -- FILE`: imports monthly output reports from an .xlsx or .csv file.
import { runCommand } from './cli-context.js';
import { importReportsCommand } from './import-command.js';

runCommand(importReportsCommand);
