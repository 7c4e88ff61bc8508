/**
 * Master.csv rows of three calls whose legs a rotation splits (the CDR rotation and follow tests):
 * X and Y have a late leg (`*_NEW`) that changes what their first legs (`*_OLD`) show; Z is whole.
 */
const q = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;
/** A 21-column Master.csv row of call `linkedid` (times local: the config's Asia/Almaty). */
const leg = (
  linkedid: string,
  seq: number,
  dstchannel: string,
  app: string,
  data: string,
  [start, answer, end]: [string, string, string],
  billsec: number,
  disposition: string,
) =>
  [
    '',
    '+77010000001',
    '1414',
    'from-trunk',
    '<+77010000001>',
    'PJSIP/trunk-00000001',
    dstchannel,
    app,
    data,
    `2026-10-05 ${start}`,
    answer && `2026-10-05 ${answer}`,
    `2026-10-05 ${end}`,
    0,
    billsec,
    disposition,
    'DOCUMENTATION',
    `${linkedid.split('.')[0]}.${seq}`,
    '',
    '',
    linkedid,
    seq,
  ]
    .map(q)
    .join(',');

// Call X: 1001 is rung and does not answer (in the old file); 1002 answers after 12 s and talks
// 95 s (in the new file). From the old file alone it is a visit abandoned after 12 s.
export const X_OLD = leg(
  '1791172800.1',
  1,
  'PJSIP/1001-0001',
  'Queue',
  '1414-ru,t',
  ['10:00:00', '', '10:00:12'],
  0,
  'NO ANSWER',
);
export const X_NEW = leg(
  '1791172800.1',
  2,
  'PJSIP/1002-0002',
  'Queue',
  '1414-ru,t',
  ['10:00:00', '10:00:12', '10:01:47'],
  95,
  'ANSWERED',
);
// Call Y: the IVR leg (old file) and then the queue leg (new file), answered by 1003 after 40 s.
// From the old file alone it is a direct call (no Queue leg).
export const Y_OLD = leg(
  '1791173000.5',
  5,
  '',
  'BackGround',
  'menu',
  ['10:03:00', '10:03:00', '10:03:20'],
  20,
  'ANSWERED',
);
export const Y_NEW = leg(
  '1791173000.5',
  6,
  'PJSIP/1003-0006',
  'Queue',
  '1414-ru,t',
  ['10:03:20', '10:04:00', '10:06:00'],
  120,
  'ANSWERED',
);
// Call Z: whole in the old file, lost after 45 s; it stays as it is.
export const Z = leg('1791173600.9', 9, '', 'Queue', '1414-kk,t', ['10:10:00', '', '10:10:45'], 0, 'NO ANSWER');
