import type { EmulatorContext } from '../context';
import type { Params } from '../http/params';

/**
 * One v1 endpoint. `get` endpoints are documented as GET with path parameters but also take POST with a
 * form body (client leniency, reference §1.1); `post` endpoints are documented as form POSTs only.
 */
export interface Endpoint {
  name: string;
  style: 'get' | 'post';
  handle(ctx: EmulatorContext, params: Params): unknown;
}

export const operationCompleted = { message: 'Operation completed successfully' };
