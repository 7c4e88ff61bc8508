-- Operators' names and sites (the latest version of each).
SELECT agent_id, argMax(name, version) AS name, argMax(site, version) AS site
FROM agent
GROUP BY agent_id
