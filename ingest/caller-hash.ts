import { createHash } from 'node:crypto';
import { isUnknownCaller } from '../src/domain/events.ts';
import type { CallerHasher } from './formats/types.ts';

/**
 * Callers are personal data: only a salted SHA-256 (first 128 bits, hex) is stored; '' stands
 * for an unknown caller (DESIGN §5). Callers are compared as given, so no normalisation.
 */
export function createCallerHasher(salt: string): CallerHasher {
  return (rawCaller) => {
    if (isUnknownCaller(rawCaller)) return '';
    return createHash('sha256').update(salt).update('\u0000').update(rawCaller).digest('hex').slice(0, 32);
  };
}
