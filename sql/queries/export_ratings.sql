SELECT call_id, score, formatDateTime(rated_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS rated_at, agent_id
FROM rating FINAL
WHERE rated_at >= {from:DateTime64(3, 'UTC')} AND rated_at < {to:DateTime64(3, 'UTC')}
ORDER BY rated_at, call_id
SETTINGS prefer_column_name_to_alias = 1
