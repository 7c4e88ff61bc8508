-- The closing of a month, if it was closed.
SELECT month, formatDateTime(closed_at, '%Y-%m-%dT%H:%i:%S.%fZ', 'UTC') AS closed_at_iso, timezone, pay_rule, operators, total_tiyn
FROM payroll_month FINAL
WHERE month = {month:String}
