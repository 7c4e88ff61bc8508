/**
 * Agent state changes from queue_log member verbs (DESIGN §4 agent-events):
 * ADDMEMBER, AGENTLOGIN, AGENTCALLBACKLOGIN → login (ADDMEMBER with data1 "PAUSED" → login and
 * pause at the same instant); REMOVEMEMBER, AGENTLOGOFF, AGENTCALLBACKLOGOFF → logout;
 * PAUSE, PAUSEALL → pause; UNPAUSE, UNPAUSEALL → unpause (reason = data1).
 *
 * Membership is per queue in Asterisk but sessions are per agent in kezek: an agent added to
 * five queues at once gives five identical login events, which the store's key
 * (agent_id, at, state) counts once.
 */
import type { AgentEvent, AgentState } from '../../../src/domain/events.ts';
import { agentIdOf, type AgentIdOptions } from './agent-id.ts';
import type { QueueLogEvent } from './event.ts';

const STATES: Record<string, AgentState> = {
  ADDMEMBER: 'login',
  AGENTLOGIN: 'login',
  AGENTCALLBACKLOGIN: 'login',
  REMOVEMEMBER: 'logout',
  AGENTLOGOFF: 'logout',
  AGENTCALLBACKLOGOFF: 'logout',
  PAUSE: 'pause',
  PAUSEALL: 'pause',
  UNPAUSE: 'unpause',
  UNPAUSEALL: 'unpause',
};

/** The agent events of one queue_log event; [] for other verbs or a line with no agent. */
export function agentEventsOf(event: QueueLogEvent, opts: AgentIdOptions): AgentEvent[] {
  const state = STATES[event.verb];
  if (state === undefined) return [];
  const agentId = agentIdOf(event.agent, opts);
  if (agentId === '') return [];
  const atMs = event.timeMs;
  switch (event.verb) {
    case 'ADDMEMBER':
      if (event.data[0] === 'PAUSED') {
        return [
          { agentId, atMs, state: 'login', reason: '' },
          { agentId, atMs, state: 'pause', reason: '' },
        ];
      }
      return [{ agentId, atMs, state, reason: '' }];
    case 'PAUSE':
    case 'PAUSEALL':
    case 'UNPAUSE':
    case 'UNPAUSEALL':
      return [{ agentId, atMs, state, reason: event.data[0] ?? '' }];
    case 'AGENTCALLBACKLOGOFF':
      // exten@context | logintime | reason
      return [{ agentId, atMs, state, reason: event.data[2] ?? '' }];
    default:
      return [{ agentId, atMs, state, reason: '' }];
  }
}
