-- The FCR part of kpi.sql from contact_fact: a contact is a repeat when its next_contact_at falls
-- within the window after its last_ended; kpi-fcr-check.sql finds the contacts where the facts'
-- horizon cannot tell (kpi.ts then uses kpi-fcr-raw.sql).
    SELECT
        c.first_answered_at AS t, c.queue, c.language, c.site, c.agent, c.channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        toUInt64(c.eligible) AS n_fcr_eligible,
        toUInt64(c.eligible AND NOT c.any_transfer AND NOT c.any_callback
                 AND (c.next_contact_at IS NULL OR c.next_contact_at > c.last_ended + toIntervalSecond({fcr_window_s:UInt32}))) AS n_fcr_resolved,
        toUInt64(c.eligible AND c.last_ended > (SELECT max(ended_at) FROM call) - toIntervalSecond({fcr_window_s:UInt32})) AS n_fcr_provisional
    FROM contact_fact AS c FINAL
    WHERE c.first_answered_at >= {from:DateTime64(3, 'UTC')} AND c.first_answered_at < {to:DateTime64(3, 'UTC')} AND c.deleted = 0
      AND (empty({queues:Array(String)}) OR c.queue IN {queues:Array(String)})
      AND (empty({languages:Array(String)}) OR c.language IN {languages:Array(String)})
      AND (empty({sites:Array(String)}) OR c.site IN {sites:Array(String)})
      AND (empty({channels:Array(String)}) OR c.channel IN {channels:Array(String)})
      AND (empty({agents:Array(String)}) OR c.agent IN {agents:Array(String)})
