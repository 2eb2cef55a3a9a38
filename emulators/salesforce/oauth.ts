import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../sync/src/core/clock';
import type { RouteResponse } from './http';

/**
 * The OAuth 2.0 token endpoint of a My Domain, client-credentials grant only (salesforce.md §1). Tokens carry
 * no expires_in (as documented) and expire on the emulator's clock after the configured session timeout.
 */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  organizationId: string;
  runAsUserId: () => string;
  instanceUrl: () => string;
  loginUrl: () => string;
  tokenLifetimeMs: number;
  /** False: the app's "Enable Client Credentials Flow" is off → unsupported_grant_type. */
  clientCredentialsEnabled: boolean;
  /** False: no Run As user configured → invalid_grant. */
  runAsUserConfigured: boolean;
}

interface IssuedToken {
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

const oauthError = (error: string, description: string): RouteResponse => ({
  status: 400,
  body: { error, error_description: description }
});

export class TokenService {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly config: OAuthConfig,
    private readonly clock: Clock
  ) {}

  /** Client id and secret from the form body or from an HTTP Basic header (both are accepted). */
  private credentials(form: URLSearchParams, req: IncomingMessage): { id?: string; secret?: string } {
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        return {
          id: decodeURIComponent(decoded.slice(0, colon)),
          secret: decodeURIComponent(decoded.slice(colon + 1))
        };
      }
    }
    return { id: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined };
  }

  token(body: Buffer, req: IncomingMessage): RouteResponse {
    const form = new URLSearchParams(body.toString('utf8'));
    const grant = form.get('grant_type');
    if (grant !== 'client_credentials')
      return oauthError('unsupported_grant_type', 'grant type not supported');
    const { id, secret } = this.credentials(form, req);
    if (!id || id !== this.config.clientId)
      return oauthError('invalid_client_id', 'client identifier invalid');
    if (secret !== this.config.clientSecret)
      return oauthError('invalid_client', 'invalid client credentials');
    if (!this.config.clientCredentialsEnabled)
      return oauthError('unsupported_grant_type', 'grant type not supported');
    if (!this.config.runAsUserConfigured)
      return oauthError('invalid_grant', 'no client credentials user enabled');
    const now = this.clock.now();
    const accessToken = `${this.config.organizationId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    this.tokens.set(accessToken, {
      issuedAt: now,
      expiresAt: now + this.config.tokenLifetimeMs,
      revoked: false
    });
    const identity = `${this.config.loginUrl()}/id/${this.config.organizationId}/${this.config.runAsUserId()}`;
    const issuedAt = String(now);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        signature: createHmac('sha256', this.config.clientSecret)
          .update(identity + issuedAt)
          .digest('base64'),
        scope: 'api',
        instance_url: this.config.instanceUrl(),
        id: identity,
        token_type: 'Bearer',
        issued_at: issuedAt
      }
    };
  }

  /** True when the bearer token was issued here, is not revoked and has not expired on the clock. */
  isValid(authorization: string | undefined): boolean {
    const match = /^(?:Bearer|OAuth) (.+)$/i.exec(authorization ?? '');
    const token = match ? this.tokens.get(match[1]) : undefined;
    return !!token && !token.revoked && this.clock.now() < token.expiresAt;
  }

  /** Expires one token (a tokenExpiry fault) so the client must request a new one. */
  expire(authorization: string | undefined): void {
    const match = /^(?:Bearer|OAuth) (.+)$/i.exec(authorization ?? '');
    const token = match ? this.tokens.get(match[1]) : undefined;
    if (token) token.revoked = true;
  }

  /** Expires every token issued so far. */
  expireAll(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }
}

/** The login.salesforce.com stand-in refuses the flow as the real host does. */
export function loginHostToken(): RouteResponse {
  return oauthError('invalid_grant', 'request not supported on this domain');
}
