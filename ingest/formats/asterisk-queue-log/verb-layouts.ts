/**
 * The data fields of each verb that carries numbers (kpi-anchors §3, app_queue.c), so that a
 * line whose numbers are bad is rejected naming the field, and the visit assembler reads wait,
 * hold and talk from one place.
 *
 *   CONNECT                       holdtime | member uniqueid | ringtime          (1.4: 2 fields)
 *   COMPLETECALLER/COMPLETEAGENT  holdtime | calltime | origpos
 *   ABANDON/EXITEMPTY/EXITWITHTIMEOUT  pos | origpos | waittime
 *   EXITWITHKEY                   key | pos | origpos | waittime                (old: key | pos)
 *   WITHDRAW                      pos | origpos | waittime | info
 *   TRANSFER/BLINDTRANSFER        exten | context | holdtime | calltime | origpos
 *   ATTENDEDTRANSFER              BRIDGE|bridge or APP|app  | holdtime | calltime | origpos
 *                                 LINK | chan1 | chan2      | holdtime | calltime | origpos
 *   RINGNOANSWER/RINGCANCELED     ringtime ms
 *
 * "holdtime" is Asterisk's name for the time the caller waited in the queue before an answer.
 */
import type { QueueLogEvent } from './event.ts';

interface NumberField {
  index: number;
  name: string;
  required: boolean;
}

const f = (index: number, name: string, required = true): NumberField => ({ index, name, required });

const LAYOUT_LIST: Record<string, NumberField[]> = {
  CONNECT: [f(0, 'holdtime'), f(2, 'ringtime', false)],
  COMPLETECALLER: [f(0, 'holdtime'), f(1, 'calltime'), f(2, 'origpos', false)],
  COMPLETEAGENT: [f(0, 'holdtime'), f(1, 'calltime'), f(2, 'origpos', false)],
  ABANDON: [f(0, 'pos', false), f(1, 'origpos', false), f(2, 'waittime')],
  EXITEMPTY: [f(0, 'pos', false), f(1, 'origpos', false), f(2, 'waittime')],
  EXITWITHTIMEOUT: [f(0, 'pos', false), f(1, 'origpos', false), f(2, 'waittime')],
  EXITWITHKEY: [f(1, 'pos', false), f(2, 'origpos', false), f(3, 'waittime', false)],
  WITHDRAW: [f(0, 'pos', false), f(1, 'origpos', false), f(2, 'waittime')],
  TRANSFER: [f(2, 'holdtime'), f(3, 'calltime'), f(4, 'origpos', false)],
  BLINDTRANSFER: [f(2, 'holdtime'), f(3, 'calltime'), f(4, 'origpos', false)],
  ATTENDEDTRANSFER: [f(2, 'holdtime'), f(3, 'calltime'), f(4, 'origpos', false)],
  ATTENDEDTRANSFER_LINK: [f(3, 'holdtime'), f(4, 'calltime'), f(5, 'origpos', false)],
  RINGNOANSWER: [f(0, 'ringtime', false)],
  RINGCANCELED: [f(0, 'ringtime', false)],
};

const LAYOUTS = new Map(Object.entries(LAYOUT_LIST));
const LINK_LAYOUT = LAYOUT_LIST.ATTENDEDTRANSFER_LINK;
LAYOUTS.delete('ATTENDEDTRANSFER_LINK');

const INTEGER = /^-?\d{1,15}$/;

function layoutOf(verb: string, data: string[]): NumberField[] | undefined {
  if (verb === 'ATTENDEDTRANSFER' && data[0] === 'LINK') return LINK_LAYOUT;
  return LAYOUTS.get(verb);
}

/** Why the numeric data fields of this verb are bad, or null when they are fine. */
export function verbDataProblem(verb: string, data: string[]): string | null {
  const layout = layoutOf(verb, data);
  if (layout === undefined) return null;
  for (const field of layout) {
    const value = data[field.index];
    if (value === undefined || value === '') {
      if (field.required) return `${verb} data${field.index + 1} (${field.name}) is missing`;
      continue;
    }
    if (!INTEGER.test(value)) {
      return `${verb} data${field.index + 1} (${field.name}) is not a whole number: ${JSON.stringify(value.slice(0, 40))}`;
    }
  }
  return null;
}

function numberAt(event: QueueLogEvent, name: string): number | null {
  const layout = layoutOf(event.verb, event.data);
  const field = layout?.find((x) => x.name === name);
  if (!field) return null;
  const value = event.data[field.index];
  return value === undefined || value === '' ? null : Number(value);
}

/** What an end event reports (seconds); waitSeconds null when its layout has no wait (old EXITWITHKEY). */
export interface EndFigures {
  answered: boolean;
  transferred: boolean;
  waitSeconds: number | null;
  talkSeconds: number;
}

/** Wait and talk reported by an end verb, by its own layout. */
export function endFigures(event: QueueLogEvent): EndFigures {
  switch (event.verb) {
    case 'COMPLETECALLER':
    case 'COMPLETEAGENT':
    case 'TRANSFER':
    case 'BLINDTRANSFER':
    case 'ATTENDEDTRANSFER':
      return {
        answered: true,
        transferred: event.verb.endsWith('TRANSFER'),
        waitSeconds: numberAt(event, 'holdtime') ?? 0,
        talkSeconds: numberAt(event, 'calltime') ?? 0,
      };
    default:
      return { answered: false, transferred: false, waitSeconds: numberAt(event, 'waittime'), talkSeconds: 0 };
  }
}

/** CONNECT's wait (its holdtime, data1). */
export function connectWaitSeconds(event: QueueLogEvent): number {
  return numberAt(event, 'holdtime') ?? 0;
}
