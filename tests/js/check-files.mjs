// The command-line loop the litegraph checkers share: run `check` on every file named on the command line, print
// one JSON line per file (a throw from litegraph becomes that file's problem), exit 1 when any file has problems.
export function runChecks(check) {
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    let result;
    try {
      result = check(file);
    } catch (e) {
      result = { file, problems: [`litegraph threw: ${e?.message ?? e}`] };
    }
    if (result.problems.length) failed++;
    console.log(JSON.stringify(result));
  }
  process.exit(failed ? 1 : 0);
}
