-- How many visits a drill-down holds (the WHERE of calls-where.sql follows FROM).
SELECT count() AS visits FROM call
__WHERE__
