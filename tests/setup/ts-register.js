// Lets a child process run the project's TypeScript sources directly:
//   node -r ./tests/setup/ts-register.js workers/analysis-worker.ts
// Each .ts file is transpiled on load (types are not checked: jest and `tsc` do that), so the
// fault tests run the current sources, not a dist/ that may be stale. Transpiled files are
// cached under node_modules/.cache by a hash of their source, so later starts skip the compiler.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const CACHE = path.resolve(__dirname, '../../node_modules/.cache/stance-ts-register');
const OPTIONS = { module: 'CommonJS', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true, inlineSourceMap: true };

let ts;
function transpile(source, filename) {
  ts ??= require('typescript');
  const compilerOptions = ts.convertCompilerOptionsFromJson(OPTIONS, '.').options;
  return ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
}

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const key = crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = transpile(source, filename);
    fs.mkdirSync(CACHE, { recursive: true });
    // Written whole, then renamed: processes starting together never read half a file.
    const temporary = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output);
    fs.renameSync(temporary, cached);
  }
  module._compile(output, filename);
};
