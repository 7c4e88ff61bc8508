-- Stored calls in the native field names (DESIGN §4); callers stay hashed.
SELECT call_id, queue, visit, channel, language, site, caller_hash,
       formatDateTime(entered_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS entered_at,
       if(answered_at IS NULL, NULL, formatDateTime(assumeNotNull(answered_at), '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC')) AS answered_at,
       formatDateTime(ended_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS ended_at,
       wait_s, agent_id, talk_s, hold_s, wrap_s, transferred, callback, self_service, topic
FROM call FINAL
WHERE entered_at >= {from:DateTime64(3, 'UTC')} AND entered_at < {to:DateTime64(3, 'UTC')}
ORDER BY entered_at, call_id, queue, visit
SETTINGS prefer_column_name_to_alias = 1
