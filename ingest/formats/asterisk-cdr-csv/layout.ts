/**
 * Column layouts of Asterisk CDR CSV (kpi-anchors §4).
 *
 * cdr_csv's Master.csv has no header: accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags
 * (16), then uniqueid (`loguniqueid`), userfield (`loguserfield`), then peeraccount, linkedid,
 * sequence (`newcdrcolumns`): 16 to 21 columns. With 17 or 20 columns the optional one is
 * uniqueid when it looks like one (`[system-]epoch.seq`), else userfield. The layout is
 * recognised row by row, so files whose options changed midway still read.
 *
 * Exports of Asterisk-based PBXs (FreePBX/Issabel `asteriskcdrdb.cdr`, VitalPBX …) have a header
 * row; columns are then mapped by name (case, spaces and punctuation ignored, a few synonyms).
 * Such exports often have `calldate` (the start) and no answer/end: end = start + duration and
 * answer = end − billsec when billsec > 0.
 */

export const CDR_FIELDS = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'uniqueid',
  'userfield',
  'peeraccount',
  'linkedid',
  'sequence',
] as const;
export type CdrField = (typeof CDR_FIELDS)[number];

/** Column index of each field, -1 when the layout lacks it. Plain data: can be persisted. */
export type CdrLayout = Record<CdrField, number>;

const BASE = CDR_FIELDS.slice(0, 16);

function layoutOf(names: readonly CdrField[]): CdrLayout {
  const layout = Object.fromEntries(CDR_FIELDS.map((f) => [f, -1])) as CdrLayout;
  names.forEach((name, i) => (layout[name] = i));
  return layout;
}

const HEADERLESS: Record<number, CdrLayout | [CdrLayout, CdrLayout]> = {
  16: layoutOf(BASE),
  17: [layoutOf([...BASE, 'uniqueid']), layoutOf([...BASE, 'userfield'])],
  18: layoutOf([...BASE, 'uniqueid', 'userfield']),
  19: layoutOf([...BASE, 'peeraccount', 'linkedid', 'sequence']),
  20: [
    layoutOf([...BASE, 'uniqueid', 'peeraccount', 'linkedid', 'sequence']),
    layoutOf([...BASE, 'userfield', 'peeraccount', 'linkedid', 'sequence']),
  ],
  21: layoutOf([...BASE, 'uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']),
};

const UNIQUEID = /^(?:[\w.-]+-)?\d{9,}\.\d+$/;

export const EXPECTED_COLUMNS =
  'expected 16–21 Master.csv columns (accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, ' +
  'lastdata, start, answer, end, duration, billsec, disposition, amaflags[, uniqueid][, userfield]' +
  '[, peeraccount, linkedid, sequence]) or a header row naming at least ' +
  'calldate or start, channel, dstchannel, lastapp, lastdata, billsec, disposition, and end or duration';

/** The layout of a header-less row with `fields`, or null when no Master.csv layout has that many columns. */
export function headerlessLayout(fields: readonly string[]): CdrLayout | null {
  const entry = HEADERLESS[fields.length];
  if (entry === undefined) return null;
  if (!Array.isArray(entry)) return entry;
  return UNIQUEID.test(fields[16]) ? entry[0] : entry[1];
}

const SYNONYMS: Record<string, CdrField> = {
  calldate: 'start',
  starttime: 'start',
  startstamp: 'start',
  callstart: 'start',
  answertime: 'answer',
  answerstamp: 'answer',
  answered: 'answer',
  endtime: 'end',
  endstamp: 'end',
  hangup: 'end',
  source: 'src',
  srcnumber: 'src',
  callerid: 'clid',
  destination: 'dst',
  dstnumber: 'dst',
  destinationcontext: 'dcontext',
  context: 'dcontext',
  srcchannel: 'channel',
  sourcechannel: 'channel',
  destinationchannel: 'dstchannel',
  lastapplication: 'lastapp',
  application: 'lastapp',
  lastappdata: 'lastdata',
  billableseconds: 'billsec',
  billsecs: 'billsec',
  talktime: 'billsec',
  status: 'disposition',
  amaflag: 'amaflags',
  account: 'accountcode',
  linkid: 'linkedid',
};
const FIELD_SET = new Set<string>(CDR_FIELDS);

function fieldOfHeader(name: string): CdrField | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (FIELD_SET.has(key)) return key as CdrField;
  return SYNONYMS[key];
}

/** True when the row reads as a header: it names lastapp and disposition (under any spelling). */
export function isHeaderRow(fields: readonly string[]): boolean {
  const named = new Set(fields.map(fieldOfHeader));
  return named.has('lastapp') && named.has('disposition');
}

/** The layout a header row declares, or the message refusing it when required columns are missing. */
export function headerLayout(fields: readonly string[]): CdrLayout | string {
  const layout = layoutOf([]);
  fields.forEach((name, i) => {
    const field = fieldOfHeader(name);
    if (field !== undefined && layout[field] === -1) layout[field] = i;
  });
  const required: CdrField[] = ['start', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'billsec', 'disposition'];
  const missing = required.filter((f) => layout[f] === -1);
  if (layout.end === -1 && layout.duration === -1) missing.push('end' as CdrField);
  if (missing.length > 0) return `unrecognised CDR header: no ${missing.join(', ')} column; ${EXPECTED_COLUMNS}`;
  return layout;
}
