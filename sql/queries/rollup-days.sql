-- A rollup's counters per UTC day in [{from}, {to}); __TABLE__ and __TIME__ from an allow-list.
SELECT
    toString(toDate(__TIME__)) AS day,
    sum(self_service) AS c_self_service, sum(callbacks) AS c_callbacks, sum(offered) AS c_offered,
    sum(answered) AS c_answered, sum(short_abandoned) AS c_short_abandoned, sum(lost) AS c_lost,
    sum(answered_within_sl) AS c_answered_within_sl, sum(transferred) AS c_transferred,
    sum(wait_answered_s) AS c_wait_answered_s, sum(wait_offered_s) AS c_wait_offered_s,
    sum(handle_answered_s) AS c_handle_answered_s
FROM __TABLE__
WHERE __TIME__ >= {from:DateTime64(3, 'UTC')} AND __TIME__ < {to:DateTime64(3, 'UTC')}
GROUP BY day
ORDER BY day
