// Calls to the ankid server: AnkiConnect-shaped requests to /ui/api, always with the API key.

const KEY_STORE = 'ankid.apiKey';

export class ApiError extends Error {}

export class Api {
  constructor() {
    const stored = localStorage.getItem(KEY_STORE);
    this.key = stored === null ? null : stored;
  }

  setKey(key) {
    this.key = key;
    localStorage.setItem(KEY_STORE, key);
  }

  /** Calls an action; resolves with its result, rejects with the server's error text. */
  async call(action, params = {}) {
    const body = { action, version: 6, params };
    if (this.key !== null) body.key = this.key;
    const reply = await fetch('api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!reply.ok) throw new ApiError(`The server refused the request (${reply.status}).`);
    const envelope = await reply.json();
    if (envelope.error !== null) throw new ApiError(envelope.error);
    return envelope.result;
  }

  eventsUrl() {
    return 'events?key=' + encodeURIComponent(this.key ?? '');
  }

  /** Sends a file for the Import screen (the body is the file itself). */
  async upload(file) {
    const url = `import?key=${encodeURIComponent(this.key ?? '')}&name=${encodeURIComponent(file.name)}`;
    const reply = await fetch(url, { method: 'POST', body: file });
    if (!reply.ok) throw new ApiError(`Upload failed (${reply.status}).`);
  }
}

export const needsKey = (err) => err instanceof ApiError && err.message === 'valid api key must be provided';
