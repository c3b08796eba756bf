// Tests that need ../shared skip where it is absent (a user's clone), and fail under CI's
// STANCE_REQUIRE_SHARED, so CI cannot pass by skipping them.
import { sharedFile } from '../setup/shared';

describe('sharedFile', () => {
  const saved = process.env.STANCE_REQUIRE_SHARED;
  afterEach(() => {
    if (saved === undefined) delete process.env.STANCE_REQUIRE_SHARED;
    else process.env.STANCE_REQUIRE_SHARED = saved;
  });

  it('names the missing file and lets the tests skip', () => {
    delete process.env.STANCE_REQUIRE_SHARED;
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(sharedFile('examples/no-such-article.txt')).toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('../shared/examples/no-such-article.txt'));
    } finally {
      warn.mockRestore();
    }
  });

  it('fails instead under STANCE_REQUIRE_SHARED', () => {
    process.env.STANCE_REQUIRE_SHARED = '1';
    expect(() => sharedFile('examples/no-such-article.txt')).toThrow('../shared/examples/no-such-article.txt is missing');
  });
});
