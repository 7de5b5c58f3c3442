// The official MCP TypeScript client driving ankid's MCP server over stdio (`ankid mcp`) and
// streamable HTTP (`/mcp` on the API port): tools and their hints, a read, a destructive call
// that only previews, its confirmation, elicitation, resources and the API key.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const jar = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'target', 'ankid.jar');
const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

function newBase() {
  const base = mkdtempSync(join(tmpdir(), 'ankid-mcp-'));
  cleanups.push(() => rmSync(base, { recursive: true, force: true }));
  return base;
}

/** `ankid serve` on a free port; resolves with its URL once it listens. */
function serve(base, ...args) {
  const proc = spawn('java', ['-jar', jar, 'serve', '--base', base, '--bind', '127.0.0.1', '--port', '0', ...args], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  cleanups.push(() => new Promise((resolve) => {
    proc.once('exit', resolve);
    proc.kill('SIGTERM');
  }));
  return new Promise((resolve, reject) => {
    let seen = '';
    proc.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/listening on (http:\/\/[^\s]+)/);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`ankid serve exited with ${code}: ${seen}`)));
  });
}

async function ankiConnect(url, action, params = {}) {
  const reply = await (await fetch(url, { method: 'POST', body: JSON.stringify({ action, version: 6, params }) })).json();
  assert.equal(reply.error, null, `${action}: ${reply.error}`);
  return reply.result;
}

async function connect(transport, { elicit } = {}) {
  const client = new Client({ name: 'ankid-test', version: '1.0.0' }, { capabilities: elicit ? { elicitation: {} } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, elicit);
  await client.connect(transport);
  cleanups.push(() => client.close());
  return client;
}

function stdio(base, ...args) {
  return new StdioClientTransport({ command: 'java', args: ['-jar', jar, 'mcp', '--base', base, ...args], stderr: 'inherit' });
}

function http(url, headers = {}) {
  return new StreamableHTTPClientTransport(new URL('/mcp', url), { requestInit: { headers } });
}

const text = (result) => result.content.map((c) => c.text).join('\n');
const json = async (client, name, args) => {
  const result = await client.callTool({ name, arguments: args });
  assert.equal(result.isError, false, `${name}: ${text(result)}`);
  return JSON.parse(text(result));
};

async function addFrenchNote(client, front) {
  await json(client, 'createDeck', { deck: 'French' });
  return json(client, 'addNote', { note: { deckName: 'French', modelName: 'Basic', fields: { Front: front, Back: 'x' } } });
}

/** What every transport must do: list, read, preview a deletion, then confirm it. */
async function toolsPreviewAndConfirm(client) {
  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
  assert.ok(tools.length >= 98);
  assert.deepEqual(byName.findNotes.annotations, { readOnlyHint: true, destructiveHint: false, idempotentHint: true });
  assert.deepEqual(byName.deleteNotes.annotations, { readOnlyHint: false, destructiveHint: true, idempotentHint: true });
  assert.deepEqual(byName.addNote.annotations, { readOnlyHint: false, destructiveHint: false, idempotentHint: false });
  assert.deepEqual(byName.deleteNotes.inputSchema.required, ['notes']);
  assert.equal(byName.deleteNotes.inputSchema.properties.notes.type, 'array');
  assert.equal(byName.deleteNotes.inputSchema.properties.confirm.type, 'string');
  assert.match(byName.deleteNotes.description, /^Deletes the notes/);
  assert.ok(tools.every((t) => t.description && t.inputSchema.type === 'object'));

  const note = await addFrenchNote(client, 'chat');
  assert.deepEqual(await json(client, 'findNotes', { query: 'deck:French' }), [note]);

  const held = await client.callTool({ name: 'deleteNotes', arguments: { notes: [note] } });
  assert.equal(held.isError, false);
  assert.match(text(held), /^confirmation required: delete 1 note and its 1 card/);
  assert.deepEqual(await json(client, 'findNotes', { query: 'deck:French' }), [note], 'nothing deleted yet');

  const token = text(held).match(/"confirm": "([^"]+)"/)[1];
  assert.equal(await json(client, 'deleteNotes', { notes: [note], confirm: token }), null);
  assert.deepEqual(await json(client, 'findNotes', { query: 'deck:French' }), []);

  const reused = await client.callTool({ name: 'deleteNotes', arguments: { notes: [note], confirm: token } });
  assert.match(text(reused), /already used, or never issued/);
}

async function resources(client) {
  const { resources } = await client.listResources();
  assert.deepEqual(resources.map((r) => r.uri).sort(), ['ankid://decks', 'ankid://notetypes', 'ankid://search-syntax']);
  const decks = JSON.parse((await client.readResource({ uri: 'ankid://decks' })).contents[0].text);
  assert.ok(decks.some((d) => d.name === 'French'));
  const notetypes = JSON.parse((await client.readResource({ uri: 'ankid://notetypes' })).contents[0].text);
  assert.deepEqual(notetypes.find((n) => n.name === 'Basic').fields, ['Front', 'Back']);
  const syntax = (await client.readResource({ uri: 'ankid://search-syntax' })).contents[0].text;
  assert.match(syntax, /deck:French/);
}

test('stdio on the collection itself: tools, preview, confirm, resources', async () => {
  const client = await connect(stdio(newBase()));
  await toolsPreviewAndConfirm(client);
  await resources(client);
});

test('stdio through the running server of the profile', async () => {
  const base = newBase();
  const url = await serve(base);
  const client = await connect(stdio(base));
  await toolsPreviewAndConfirm(client);
  assert.ok((await ankiConnect(url, 'deckNames')).includes('French'), 'the server saw the change');
});

test('streamable HTTP at /mcp beside AnkiConnect', async () => {
  const url = await serve(newBase());
  const client = await connect(http(url));
  await toolsPreviewAndConfirm(client);
  await resources(client);
  assert.deepEqual(await ankiConnect(url, 'findNotes', { query: 'deck:French' }), []);
});

test('elicitation: the person confirms in the client and the change happens in one call', async () => {
  const url = await serve(newBase());
  const asked = [];
  const client = await connect(http(url), {
    elicit: async (request) => {
      asked.push(request.params.message);
      return { action: 'accept', content: { apply: true } };
    },
  });
  const note = await addFrenchNote(client, 'chien');
  assert.equal(await json(client, 'deleteNotes', { notes: [note] }), null);
  assert.match(asked[0], /^Apply this change\? Delete 1 note and its 1 card\./);
  assert.match(asked[0], /"chien" \(Basic\)/);
  assert.deepEqual(await ankiConnect(url, 'findNotes', { query: 'deck:French' }), []);
});

test('elicitation over stdio: declining changes nothing', async () => {
  const base = newBase();
  const client = await connect(stdio(base), { elicit: async () => ({ action: 'decline' }) });
  const note = await addFrenchNote(client, 'oiseau');
  const result = await client.callTool({ name: 'deleteNotes', arguments: { notes: [note] } });
  assert.equal(result.isError, false);
  assert.match(text(result), /did not confirm .*nothing changed/);
  assert.deepEqual(await json(client, 'findNotes', { query: 'deck:French' }), [note]);
});

test('--confirm off: destructive tools run at once', async () => {
  const client = await connect(stdio(newBase(), '--confirm', 'off'));
  const note = await addFrenchNote(client, 'souris');
  assert.equal(await json(client, 'deleteNotes', { notes: [note] }), null);
  assert.deepEqual(await json(client, 'findNotes', { query: 'deck:French' }), []);
});

test('with an API key, /mcp wants it as a bearer token', async () => {
  const base = newBase();
  writeFileSync(join(base, 'ankid.json'), JSON.stringify({ apiKey: 'secret' }));
  const url = await serve(base);
  const refused = await fetch(new URL('/mcp', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  assert.equal(refused.status, 401);
  const client = await connect(http(url, { Authorization: 'Bearer secret' }));
  assert.deepEqual(await json(client, 'deckNames', {}), ['Default']);
});
