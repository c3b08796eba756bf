// docker-compose.yml is checked by Compose itself where it is installed (Debian package
// docker-compose); the file's shape that scaling depends on is checked on Compose's output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const compose = (args: string[], env: Record<string, string> = { REDIS_PASSWORD: 'testpassword1' }) =>
  spawnSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

const installed = !compose(['version']).error;
if (!installed) {
  console.warn('Skipping the docker-compose.yml checks: docker-compose is not on PATH (Debian: apt-get install -y docker-compose)');
}

(installed ? describe : describe.skip)('docker-compose.yml', () => {
  it('is valid for Compose', () => {
    const result = compose(['config', '-q']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs redis, api and worker', () => {
    expect(compose(['config', '--services']).stdout.trim().split('\n').sort()).toEqual(['api', 'redis', 'worker']);
  });

  it('refuses to run without a Redis password', () => {
    const result = compose(['config', '-q'], {});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/REDIS_PASSWORD/);
  });

  it('publishes only the API, and gives the worker no name or port, so --scale worker=N works', () => {
    const config = compose(['config']).stdout;
    const service = (name: string) => {
      const start = config.indexOf(`\n  ${name}:\n`);
      const next = config.slice(start + 1).search(/\n {2}\S/);
      return config.slice(start, next < 0 ? undefined : start + 1 + next);
    };
    expect(service('api')).toMatch(/ports:/);
    expect(service('redis')).not.toMatch(/ports:/);
    expect(service('worker')).not.toMatch(/ports:|container_name:/);
    expect(service('redis')).toMatch(/--appendonly yes/);
    expect(service('redis')).toMatch(/--requirepass/);
  });
});
