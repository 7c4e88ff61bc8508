-- Every visit of one contact (call_id) in time order, and its ratings (the latest one counts).
SELECT * FROM
(
    SELECT
        'visit' AS kind, queue, channel, language, site, agent_id,
        toUnixTimestamp64Milli(entered_at) AS at_ms,
        if(answered_at IS NULL, NULL, toUnixTimestamp64Milli(assumeNotNull(answered_at))) AS answered_ms,
        toUnixTimestamp64Milli(ended_at) AS ended_ms,
        wait_s, talk_s, hold_s, wrap_s, transferred, callback, self_service, topic, toUInt8(0) AS score
    FROM call WHERE call_id = {call_id:String}
    UNION ALL
    SELECT
        'rating', '', '', '', '', agent_id, toUnixTimestamp64Milli(rated_at), NULL, toUnixTimestamp64Milli(rated_at),
        0, 0, 0, 0, false, false, false, '', score
    FROM rating WHERE call_id = {call_id:String}
)
ORDER BY at_ms, kind DESC
