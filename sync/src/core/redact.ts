/**
 * Secrets never reach logs, errors, `--json` output or records. Every configured secret (and derived forms
 * such as the Basic-auth header value and access tokens obtained at run time) is registered here; every
 * writer passes text through `redact` on the way out.
 */
const REDACTED = '[redacted]';
const MIN_SECRET_LENGTH = 4;
const SECRET_KEY_PATTERN = /(secret|password|apikey|api_key|accesstoken|access_token|authorization|token)$/i;

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined | null): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH) return;
    this.secrets.add(secret);
    // Secrets also travel URL-encoded (form bodies, query strings) and base64-encoded (Basic auth).
    this.secrets.add(encodeURIComponent(secret));
    this.secrets.add(Buffer.from(`${secret}:`).toString('base64'));
    this.secrets.add(Buffer.from(secret).toString('base64'));
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** Deep copy with secret-named keys blanked and every string redacted. */
  redactValue<T>(value: T): T {
    return this.walk(value, new WeakSet()) as T;
  }

  private walk(value: unknown, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item, seen));
    if (value instanceof Error) {
      return { name: value.name, message: this.redact(value.message) };
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY_PATTERN.test(key) && item ? REDACTED : this.walk(item, seen);
    }
    return out;
  }
}

/** The process-wide redactor: config loading registers secrets, every output path uses it. */
export const redactor = new Redactor();
