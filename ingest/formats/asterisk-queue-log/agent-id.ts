/**
 * Agent ids from Asterisk member names and channels.
 *
 * The same operator appears as `SIP/1001`, `PJSIP/1001`, `Local/1001@agents/n`, `Agent/1001`
 * (queue_log: the interface unless `log_membername_as_agent=yes`) and as the channel
 * `SIP/1001-0000abcd` or `Local/1001@agents-00000012;1` (CDR dstchannel). By default
 * ('extension') the id is what is left after removing the technology prefix, the `@context`,
 * the `/n` flag and the channel's unique suffix (`-0000abcd`, hex; `;N` of Local channels): `1001` in every case above, so
 * queue_log and CDR agree with the `agents` table keyed by extension. A member name without a
 * `/` (`John Smith`, `log_membername_as_agent`) is kept as it is. `agentMap` overrides both, by
 * raw name first and then by the stripped id (e.g. `{"1001": "kz-0042"}`). 'raw' keeps member
 * names exactly as written (then CDR ids are the channel without its suffix).
 * NONE and empty mean "no agent" and give ''.
 */

export interface AgentIdOptions {
  agentIds?: 'extension' | 'raw';
  agentMap?: Record<string, string>;
}

const TECH_PREFIX = /^[A-Za-z][A-Za-z0-9_]*\/(.+)$/;
const CHANNEL_SUFFIX = /(?:-[0-9a-fA-F]{1,8}(?:;\d+)?|;\d+)$/;

const caches = new WeakMap<AgentIdOptions, Map<string, string>>();

function stripped(name: string): string {
  let id = name;
  const tech = TECH_PREFIX.exec(id);
  if (tech) id = tech[1];
  if (id.endsWith('/n')) id = id.slice(0, -2);
  const at = id.indexOf('@');
  if (at > 0) id = id.slice(0, at);
  return id;
}

function compute(name: string, opts: AgentIdOptions): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === 'NONE') return '';
  const map = opts.agentMap;
  if (map && Object.hasOwn(map, trimmed)) return map[trimmed];
  if (opts.agentIds === 'raw') return trimmed;
  const id = stripped(trimmed);
  if (map && Object.hasOwn(map, id)) return map[id];
  return id;
}

/**
 * The agent id of a queue_log member name (memoised per options object).
 *
 * @example agentIdOf('PJSIP/1001', {})          // '1001'
 * @example agentIdOf('Local/1001@agents/n', {}) // '1001'
 * @example agentIdOf('SIP/1001', { agentIds: 'raw' }) // 'SIP/1001'
 */
export function agentIdOf(member: string, opts: AgentIdOptions): string {
  let cache = caches.get(opts);
  if (!cache) caches.set(opts, (cache = new Map()));
  let id = cache.get(member);
  if (id === undefined) {
    id = compute(member, opts);
    if (cache.size > 10_000) cache.clear();
    cache.set(member, id);
  }
  return id;
}

/**
 * The agent id of a channel name: its unique suffix removed, then as `agentIdOf`.
 *
 * @example agentIdOfChannel('SIP/1001-0000abcd', {})               // '1001'
 * @example agentIdOfChannel('Local/1001@agents-00000012;1', {})    // '1001'
 */
export function agentIdOfChannel(channel: string, opts: AgentIdOptions): string {
  return agentIdOf(channel.trim().replace(CHANNEL_SUFFIX, ''), opts);
}
