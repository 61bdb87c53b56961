// A @web/test-runner reporter that writes the number of passed, failed and skipped browser tests as
// JSON to the file named by WTR_COUNTS_FILE. A test file that fails to load counts as one failure.
import { writeFileSync } from 'node:fs';

function countTests(results, counts) {
  if (!results) return;
  for (const test of results.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const suite of results.suites ?? []) countTests(suite, counts);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.WTR_COUNTS_FILE;
      if (!file) return;
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        countTests(session.testResults, counts);
        const loadFailed = !session.passed && (session.errors?.length ?? 0) > 0;
        const hadNoFailedTest = counts.failed === 0;
        if (loadFailed && hadNoFailedTest) counts.failed += 1;
      }
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
