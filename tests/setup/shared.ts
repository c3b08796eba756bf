// ../shared beside the project (the evaluation data, the example article our user gave) is in
// this workplace and its CI but not in a user's clone. Tests that need a file from it skip where
// it is absent, saying which file; under .ci/run (STANCE_REQUIRE_SHARED=1) a missing file fails
// the suite instead, so CI never passes by skipping.
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = path.resolve(__dirname, '../../../shared');

/** The path of ../shared/<relative>, or undefined (after saying so) when it is absent. */
export function sharedFile(relative: string): string | undefined {
  const file = path.join(SHARED_DIR, relative);
  if (fs.existsSync(file)) return file;
  if (process.env.STANCE_REQUIRE_SHARED) {
    throw new Error(`../shared/${relative} is missing, and STANCE_REQUIRE_SHARED says every test must run`);
  }
  console.warn(`Skipped: these tests need ../shared/${relative}, which is not beside this clone.`);
  return undefined;
}

/** describe() over the file's text when ../shared/<relative> is there, describe.skip() when not. */
export function describeWithSharedText(relative: string, name: string, body: (text: string) => void): void {
  const file = sharedFile(relative);
  if (file) describe(name, () => body(fs.readFileSync(file, 'utf8')));
  else describe.skip(`${name} (needs ../shared/${relative})`, () => body(''));
}

export const EXAMPLE_ARTICLE = 'examples/assad-visits-iran.txt';
