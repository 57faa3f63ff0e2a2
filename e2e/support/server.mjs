// Starts a real `tianshan serve` on a demo database in a temporary directory.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, WEB_DIST, serverBinary } from './paths.mjs';

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

function run(binary, args, timeoutMs) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolveRun(output);
      else reject(new Error(`${binary} ${args.join(' ')} exited ${code ?? signal}:\n${output}`));
    });
  });
}

async function waitForHealth(url, child, logs, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`tianshan serve exited early (${child.exitCode ?? child.signalCode}):\n${logs()}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok && (await response.json()).status === 'ok') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${logs()}`);
}

function stopChild(child, timeoutMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Loads the demo data into a fresh SQLite database and serves it with web/dist.
 * Returns { baseURL, dbPath, logs(), stop() }; stop() ends the server and removes the directory.
 */
export async function startServer() {
  const binary = serverBinary();
  if (!existsSync(binary)) {
    throw new Error(`server binary ${binary} not found: build it first (or set TIANSHAN_BIN)`);
  }
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html not found: run "npm ci && npm run build" in web/ first`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'tianshan-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  const db = `sqlite:${dbPath}`;
  try {
    // --db is an option of the program, so it comes before the subcommand.
    await run(binary, ['--db', db, 'demo'], 120_000);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const port = await freePort();
  const args = ['--db', db, 'serve', '--listen', '127.0.0.1', '--port', String(port), '--web', WEB_DIST];
  const child = spawn(binary, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const logs = () => output;
  const baseURL = `http://127.0.0.1:${port}`;

  const stop = async () => {
    await stopChild(child);
    await writeFile(join(dir, 'server.log'), output).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`${baseURL}/api/v1/health`, child, logs, 30_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseURL, dbPath, logs, stop };
}
