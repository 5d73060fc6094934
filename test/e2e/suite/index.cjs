// Entry point the extension host calls for --extensionTestsPath: runs the mocha suites and
// rejects on failure. Mocha comes from the e2e cache (test/e2e/install.sh).
'use strict';
const path = require('path');
const Mocha = require(path.join(process.env.DRIVERS || '', 'node_modules', 'mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.cjs'));
  mocha.addFile(path.join(__dirname, 'access.test.cjs'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`exthost-mocha: ${mocha.suite.total() - failures} passed, ${failures} failed`);
      if (failures > 0) {
        reject(new Error(`${failures} tests failed.`));
      } else {
        resolve();
      }
    });
  });
};
