import { describe, expect, it } from 'vitest';
import { agentEventsOf } from './agent-events.ts';
import { agentIdOf, agentIdOfChannel } from './agent-id.ts';
import type { QueueLogEvent } from './event.ts';

const ev = (verb: string, agent: string, data: string[] = []): QueueLogEvent => ({
  timeMs: 1_000,
  callId: 'NONE',
  queue: 'support',
  agent,
  verb,
  data,
  raw: '',
});

describe('agentEventsOf', () => {
  it('maps member verbs to login, logout, pause and unpause', () => {
    const cases: [string, string[], string[]][] = [
      ['ADDMEMBER', [], ['login:']],
      ['ADDMEMBER', ['PAUSED'], ['login:', 'pause:']],
      ['AGENTLOGIN', ['SIP/1001-0001'], ['login:']],
      ['AGENTCALLBACKLOGIN', ['1001@ctx'], ['login:']],
      ['REMOVEMEMBER', [], ['logout:']],
      ['AGENTLOGOFF', ['SIP/1001-0001', '3600'], ['logout:']],
      ['AGENTCALLBACKLOGOFF', ['1001@ctx', '3600', 'Autologoff'], ['logout:Autologoff']],
      ['PAUSE', ['lunch'], ['pause:lunch']],
      ['PAUSEALL', ['training'], ['pause:training']],
      ['UNPAUSE', [], ['unpause:']],
      ['UNPAUSEALL', ['x'], ['unpause:x']],
      ['PENALTY', ['2'], []],
    ];
    for (const [verb, data, expected] of cases) {
      const out = agentEventsOf(ev(verb, 'PJSIP/1001', data), {});
      expect(
        out.map((e) => `${e.state}:${e.reason}`),
        verb,
      ).toEqual(expected);
      for (const e of out) expect([e.agentId, e.atMs]).toEqual(['1001', 1_000]);
    }
  });

  it('gives nothing for a line with no agent', () => {
    expect(agentEventsOf(ev('PAUSE', 'NONE'), {})).toEqual([]);
  });
});

describe('agent ids', () => {
  it('strips technology, context, /n and channel suffixes by default', () => {
    for (const m of ['SIP/1001', 'PJSIP/1001', 'Local/1001@agents', 'Local/1001@agents/n', 'Agent/1001', '1001']) {
      expect(agentIdOf(m, {}), m).toBe('1001');
    }
    expect(agentIdOf('John Smith', {})).toBe('John Smith');
    expect(agentIdOfChannel('SIP/1001-0000abcd', {})).toBe('1001');
    expect(agentIdOfChannel('Local/1001@agents-00000012;1', {})).toBe('1001');
  });
  it('applies the mapping (raw name first) and the raw mode', () => {
    const opts = { agentMap: { '1001': 'kz-42', 'SIP/2002': 'kz-7' } };
    expect(agentIdOf('PJSIP/1001', opts)).toBe('kz-42');
    expect(agentIdOf('SIP/2002', opts)).toBe('kz-7');
    expect(agentIdOf('SIP/1001', { agentIds: 'raw' })).toBe('SIP/1001');
    expect(agentIdOfChannel('SIP/1001-0000abcd', { agentIds: 'raw' })).toBe('SIP/1001');
  });
});
