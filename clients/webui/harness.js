// Starts the built ankid jar on a free loopback port and Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const jar = join(here, '..', '..', 'server', 'target', 'ankid.jar');
export const screenshots = join(here, 'test-output', 'screenshots');

/** A port nothing listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export class Ankid {
  /** @param config AnkiConnect config keys (apiKey…) for --config */
  static async start({ base, config } = {}) {
    const a = new Ankid();
    a.base = base ?? mkdtempSync(join(tmpdir(), 'ankid-webui-'));
    a.port = await freePort();
    a.url = `http://127.0.0.1:${a.port}`;
    a.key = config?.apiKey ?? null;
    const args = ['-jar', jar, 'serve', '--base', a.base, '--port', String(a.port), '--bind', '127.0.0.1'];
    if (config) {
      const file = join(a.base, 'config.json');
      writeFileSync(file, JSON.stringify(config));
      args.push('--config', file);
    }
    a.process = spawn('java', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    a.exited = new Promise((resolve) => a.process.on('exit', resolve));
    for (let i = 0; i < 240; i++) {
      try {
        if ((await fetch(a.url)).ok) return a;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('ankid did not start');
  }

  /** Calls an AnkiConnect action; throws its error. */
  async call(action, params = {}) {
    const body = { action, version: 6, params };
    if (this.key !== null) body.key = this.key;
    const reply = await fetch(this.url, { method: 'POST', body: JSON.stringify(body) });
    const envelope = await reply.json();
    if (envelope.error !== null) throw new Error(`${action}: ${envelope.error}`);
    return envelope.result;
  }

  async stop() {
    this.process.kill('SIGTERM');
    await this.exited;
  }

  /** A copy of this server's base folder (stop the server first: the collection is locked while it runs). */
  copyBase() {
    const copy = mkdtempSync(join(tmpdir(), 'ankid-webui-copy-'));
    cpSync(this.base, copy, { recursive: true });
    return copy;
  }

  remove() {
    rmSync(this.base, { recursive: true, force: true });
  }
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page on the web UI; page errors fail the test that reads {@code page.errors}. */
export async function openUi(browser, ankid, viewport = { width: 1200, height: 760 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(`${ankid.url}/ui/`);
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`) });
}

/** A short, valid 8-bit mono PCM WAV (a beep), so Chromium can really play it. */
export function beepWav() {
  const rate = 8000;
  const samples = 800;
  const buf = Buffer.alloc(44 + samples);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28);
  buf.writeUInt16LE(1, 32);
  buf.writeUInt16LE(8, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) buf[44 + i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  return buf;
}
