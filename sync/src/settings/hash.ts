import { createHash } from 'node:crypto';
import type { Settings } from './schema';

/**
 * The version hash of a settings document: lower-case hex SHA-256 of the UTF-8 bytes of the JSON string
 * exactly as stored in ConnectorSettings__c (DraftJson__c / ActiveJson__c), never of a re-serialisation.
 * Apex computes the same value with
 *   EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf(json)))
 * (Blob.valueOf encodes UTF-8; convertToHex writes lower case). Hashing the stored text means no party has to
 * agree on key order, spacing or number formatting: a plan is approved for exactly the text it was computed
 * from (docs/decisions.md "Settings hash").
 */
export function hashSettingsJson(storedJson: string): string {
  return createHash('sha256').update(storedJson, 'utf8').digest('hex');
}

/**
 * How TypeScript writers (seeds, tests, the emulator) store a document: compact JSON in schema key order.
 * Any other serialisation is equally valid; the hash is always taken of whatever was stored.
 */
export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
