// Prints miniprogram-ci's analyseCode files ({ path, size, subPackage }) for the mini-program build in
// argv[2] as JSON. Its own process: analyseCode leaves a file watcher running, so this exits when done.
// Usage: node analyse-code.cjs <weappDir>
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ci = require('miniprogram-ci');

const dir = process.argv[2];
if (!dir) throw new Error('usage: analyse-code.cjs <weappDir>');
const { appid } = JSON.parse(readFileSync(join(dir, 'project.config.json'), 'utf8'));
const project = new ci.Project({
  projectPath: dir,
  type: 'miniProgram',
  appid,
  ignores: ['node_modules/**/*'],
  privateKey: 'offline: analyseCode signs nothing',
});
ci.analyseCode(project, { silent: true }).then(
  (analysis) => {
    const files = analysis.files.map(({ path, size, subPackage }) => ({ path, size, subPackage }));
    process.stdout.write(`\n${JSON.stringify(files)}\n`);
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
