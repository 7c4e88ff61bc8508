-- Agent events of [from, to) grouped per operator, as [epoch ms, state, reason] in time order;
-- `from` is a day before the month so that a session crossing midnight starts at its login;
-- only events stored by `stored_by` (a closed month's what-if: the events its close read).
SELECT agent_id, arraySort(groupArray((toUnixTimestamp64Milli(at), state, reason))) AS events
FROM agent_event FINAL
WHERE at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
  AND ingested_at <= {stored_by:DateTime64(3, 'UTC')}
  AND (empty({agents:Array(String)}) OR agent_id IN (SELECT arrayJoin({agents:Array(String)})))
GROUP BY agent_id
