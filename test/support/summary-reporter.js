// Prints one plain closing line, "N passed, N failed[, N skipped]", that any reader of the test
// output (a person or CI) can take in at a glance.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    process.stdout.write(`\ntests: ${line}${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
