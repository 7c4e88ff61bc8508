/**
 * What an ingest stored, in a few numbers: counts and an order-independent hash of every row of
 * queue_log_event, cdr_record, call, direct_call and agent_event (FINAL: as queries see them),
 * leaving out caller hashes (their salt differs between databases). Run as a script
 * (`node --import tsx stored-fingerprint.ts DB`) it prints them for a database another process
 * may not open.
 */
import { openClient } from '../../src/server/clickhouse/client.ts';
import { databaseTarget } from '../../src/server/config.ts';

export interface Fingerprint {
  lines: number;
  linesHash: string;
  calls: number;
  callsHash: string;
  agentEvents: number;
  agentEventsHash: string;
  cdrRows: number;
  cdrRowsHash: string;
  directCalls: number;
  directCallsHash: string;
}

const QUERY = `SELECT
  (SELECT count() FROM queue_log_event FINAL) AS lines,
  (SELECT toString(groupBitXor(cityHash64(time, call_id, queue, agent, event, if(event = 'ENTERQUEUE', arrayConcat(arraySlice(data, 1, 1), arraySlice(data, 3)), data)))) FROM queue_log_event FINAL) AS linesHash,
  (SELECT count() FROM call FINAL) AS calls,
  (SELECT toString(groupBitXor(cityHash64(call_id, queue, caller_hash = '', entered_at, answered_at, ended_at, wait_s,
          agent_id, talk_s, hold_s, transferred, language, site))) FROM call FINAL) AS callsHash,
  (SELECT count() FROM agent_event FINAL) AS agentEvents,
  (SELECT toString(groupBitXor(cityHash64(agent_id, at, state, reason))) FROM agent_event FINAL) AS agentEventsHash,
  (SELECT count() FROM cdr_record FINAL) AS cdrRows,
  (SELECT toString(groupBitXor(cityHash64(call_key, start, answer, end, billsec_s, disposition, channel, dstchannel,
          lastapp, uniqueid, linkedid, line))) FROM cdr_record FINAL) AS cdrRowsHash,
  (SELECT count() FROM direct_call FINAL) AS directCalls,
  (SELECT toString(groupBitXor(cityHash64(call_id, started_at, answered_at, ended_at, agent_id, bill_s, disposition, legs)))
   FROM direct_call FINAL) AS directCallsHash`;

export async function storedFingerprint(db: string): Promise<Fingerprint> {
  const client = await openClient(databaseTarget({ db }));
  const rs = await client.query({ query: QUERY, format: 'JSONEachRow' });
  const [row] = await rs.json<Fingerprint>();
  return {
    ...row,
    lines: Number(row.lines),
    calls: Number(row.calls),
    agentEvents: Number(row.agentEvents),
    cdrRows: Number(row.cdrRows),
    directCalls: Number(row.directCalls),
  };
}

if (process.argv[1]?.endsWith('stored-fingerprint.ts') && process.argv[2]) {
  console.log(JSON.stringify(await storedFingerprint(process.argv[2])));
}
