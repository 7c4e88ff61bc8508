-- One page of the visits of a drill-down, newest first (the WHERE of calls-where.sql follows FROM).
SELECT
    call_id, queue, channel, language, site, agent_id,
    toUnixTimestamp64Milli(entered_at) AS entered_ms,
    if(answered_at IS NULL, NULL, toUnixTimestamp64Milli(assumeNotNull(answered_at))) AS answered_ms,
    toUnixTimestamp64Milli(ended_at) AS ended_ms,
    wait_s, talk_s, hold_s, wrap_s, transferred, callback, self_service, topic
FROM call
__WHERE__
ORDER BY entered_at DESC, call_id, queue
LIMIT {limit:UInt32} OFFSET {offset:UInt32}
