-- Operators who can be rostered: the latest version of each, hired by the end of the week.
SELECT agent_id, name, site, department, languages, ifNull(contract_hours_week, {default_hours:Float64}) AS contract_hours_week
FROM agent FINAL
WHERE hired_at IS NULL OR hired_at <= {until:Date}
ORDER BY agent_id
