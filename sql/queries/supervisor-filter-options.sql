-- The values the filter lists offer: those seen in the rollup over the last 92 days before {to},
-- at the sites a site-limited supervisor may see (all sites when {sites} is empty).
SELECT
    arraySort(groupUniqArray(queue)) AS queues,
    arraySort(groupUniqArray(language)) AS languages,
    arraySort(groupUniqArray(site)) AS sites,
    arraySort(groupUniqArray(channel)) AS channels
FROM call_interval
WHERE interval_start >= {to:DateTime64(3, 'UTC')} - toIntervalDay(92) AND interval_start < {to:DateTime64(3, 'UTC')}
    AND (empty({sites:Array(String)}) OR site IN {sites:Array(String)})
