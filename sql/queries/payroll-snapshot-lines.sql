-- The frozen lines of a closed month (those written with the month's closing).
SELECT agent_id, facts, line, reasons_en, reasons_ru, reasons_kk
FROM payroll_line FINAL
WHERE month = {month:String} AND closed_at = {closed_at:DateTime64(3, 'UTC')}
ORDER BY agent_id
