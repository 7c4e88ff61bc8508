-- The current version of every operator (the time range does not apply to agents).
SELECT agent_id, name, site, department, languages, contract_hours_week, toString(hired_at) AS hired_at
FROM agent FINAL
WHERE {from:DateTime64(3, 'UTC')} <= {to:DateTime64(3, 'UTC')}
ORDER BY agent_id
SETTINGS prefer_column_name_to_alias = 1
