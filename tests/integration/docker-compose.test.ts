// docker-compose.yml is checked by Compose itself where it is installed (Debian package
// docker-compose); the file's shape that scaling depends on is checked on Compose's output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

  it('passes API keys and the rate limit to the API', () => {
    const config = compose(['config'], { REDIS_PASSWORD: 'testpassword1', API_KEYS: 'compose-key-0123456789', RATE_LIMIT: '120' }).stdout;
    expect(config).toMatch(/API_KEYS: compose-key-0123456789/);
    expect(config).toMatch(/RATE_LIMIT: '120'|RATE_LIMIT: "120"|RATE_LIMIT: 120/);
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

describe('Dockerfile', () => {
  it('runs the service as the unprivileged node user, after the files are in place', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const user = finalStage.indexOf('\nUSER node');
    expect(user).toBeGreaterThan(0);
    expect(finalStage.slice(user + 1)).not.toMatch(/\n(COPY|ADD|USER) /);
  });
});
