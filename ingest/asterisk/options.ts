/**
 * How Asterisk input is read in this installation: the caller hasher, queue → language/site, the
 * zone of times written without an offset, and how member names become agent ids.
 */
import type { KezekConfig } from '../../src/server/config.ts';
import type { AgentIdOptions } from '../formats/asterisk-queue-log/agent-id.ts';
import type { CallerHasher, QueueMap } from '../formats/types.ts';

export interface AsteriskOptions extends AgentIdOptions {
  hashCaller: CallerHasher;
  queues: QueueMap;
  /** 'UTC' or the IANA zone of the centre. */
  timeZone: string;
}

/** The options of a config; `utc` (a command-line flag) overrides `ingest.asterisk_times`. */
export function asteriskOptions(config: KezekConfig, hashCaller: CallerHasher, utc = false): AsteriskOptions {
  const local = config.ingest.asterisk_times === 'local' && !utc;
  return {
    hashCaller,
    queues: config.queues,
    timeZone: local ? config.timezone : 'UTC',
    agentIds: config.ingest.agent_ids,
    agentMap: config.ingest.agent_map,
  };
}

/** The hasher for values hashed already when a record is built from them ('' stays unknown). */
export const alreadyHashed: CallerHasher = (value) => value;
