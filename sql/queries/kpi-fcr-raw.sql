-- The FCR part of kpi.sql from the raw tables, over the CTEs `contacts` and `repeats` of
-- kpi-contacts.sql (the exact fallback of kpi.ts).
    SELECT
        c.first_answered_at AS t, c.queue, c.language, c.site, c.agent, c.channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        toUInt64(c.caller != '') AS n_fcr_eligible,
        toUInt64(c.caller != '' AND NOT c.any_transfer AND NOT c.any_callback AND c.call_id NOT IN repeats) AS n_fcr_resolved,
        toUInt64(c.caller != '' AND c.last_ended > (SELECT max(ended_at) FROM call) - toIntervalSecond({fcr_window_s:UInt32})) AS n_fcr_provisional
    FROM contacts AS c
    WHERE (empty({queues:Array(String)}) OR c.queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR c.language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR c.site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR c.channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR c.agent IN {agents:Array(String)})
