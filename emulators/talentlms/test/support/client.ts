import { ManualClock } from '../../../../sync/src/core/clock';
import { startTalentLmsEmulator, type TalentLmsEmulator, type TalentLmsEmulatorOptions } from '../..';

export const TEST_KEY = 'test-api-key-0123456789';
/** 15 Jan 2026, 09:00:00 UTC: fixed so date strings are predictable. */
export const START = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

/** A v1 client over real HTTP with Node's fetch: Basic auth with the key as the username. */
export class Api {
  constructor(
    readonly baseUrl: string,
    private readonly key: string = TEST_KEY
  ) {}

  authHeader(key = this.key, password = ''): string {
    return `Basic ${Buffer.from(`${key}:${password}`).toString('base64')}`;
  }

  async request(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {}
  ): Promise<Answer> {
    const response = await fetch(`${this.baseUrl}/api/v1/${path}`, {
      method,
      headers: { Authorization: this.authHeader(), ...init.headers },
      body: init.body
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (401 text quirk)
    }
    return { status: response.status, body, text, headers: response.headers };
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.request('GET', path, { headers });
  }

  /** Form-encoded POST, as the official PHP library sends it. */
  post(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Answer> {
    return this.request('POST', path, {
      body: new URLSearchParams(form).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }
    });
  }

  async json<T = Record<string, unknown>>(path: string): Promise<T> {
    const answer = await this.get(path);
    if (answer.status !== 200) throw new Error(`GET ${path} → ${answer.status} ${answer.text}`);
    return answer.body as T;
  }

  async signup(
    fields: Partial<Record<string, string>> & { login: string }
  ): Promise<Record<string, unknown>> {
    const form = {
      first_name: 'Jo',
      last_name: 'Doe',
      email: `${fields.login}@example.com`,
      password: 'Secret123',
      ...fields
    } as Record<string, string>;
    const answer = await this.post('usersignup', form);
    if (answer.status !== 200) throw new Error(`usersignup → ${answer.status} ${answer.text}`);
    return answer.body as Record<string, unknown>;
  }
}

export interface Harness {
  tl: TalentLmsEmulator;
  clock: ManualClock;
  api: Api;
}

export async function start(options: TalentLmsEmulatorOptions = {}): Promise<Harness> {
  const clock = new ManualClock(START);
  const tl = await startTalentLmsEmulator({ clock, apiKey: TEST_KEY, randomSeed: 7, ...options });
  return { tl, clock, api: new Api(tl.baseUrl) };
}

export function errorOf(answer: Answer): { type: string; message: string } {
  return (answer.body as { error: { type: string; message: string } }).error;
}
