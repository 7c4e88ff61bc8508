/**
 * The vocabulary of the demo centre, modelled on line 1414 (DESIGN §1): sites, operator names,
 * departments, topics, channels and queues. Weights are relative shares.
 */

import type { Channel } from '../events.ts';

/** Sites and their share of the 500 operators (the capital and Shymkent are the largest). */
export const SITES: readonly { name: string; weight: number }[] = [
  { name: 'Astana', weight: 24 },
  { name: 'Shymkent', weight: 18 },
  { name: 'Kyzylorda', weight: 14 },
  { name: 'Taraz', weight: 13 },
  { name: 'Kostanay', weight: 11 },
  { name: 'Kokshetau', weight: 10 },
  { name: 'Petropavlovsk', weight: 10 },
];

export const DEPARTMENTS: readonly string[] = [
  'Электронное правительство',
  'Социальная защита',
  'Пенсии и пособия',
  'Документы и ЦОН',
  'Недвижимость и регистрация',
  'Бизнес и налоги',
];

export const KAZAKH_MALE = [
  'Айбек',
  'Арман',
  'Ерлан',
  'Нурлан',
  'Данияр',
  'Асхат',
  'Бауыржан',
  'Ержан',
  'Темирлан',
  'Алихан',
  'Мадияр',
  'Руслан',
  'Санжар',
  'Жандос',
  'Еркебулан',
  'Дастан',
  'Олжас',
  'Нурсултан',
  'Азамат',
  'Бекзат',
];
export const KAZAKH_FEMALE = [
  'Айгерим',
  'Динара',
  'Жанар',
  'Гульнара',
  'Асель',
  'Сауле',
  'Айжан',
  'Мадина',
  'Дана',
  'Жулдыз',
  'Аружан',
  'Камила',
  'Индира',
  'Альфия',
  'Гаухар',
  'Салтанат',
  'Назерке',
  'Акмарал',
  'Томирис',
  'Балжан',
];
/** Kazakh surnames in their male form; the female form adds "а" (-ов/-ев/-ин → -ова/-ева/-ина). */
export const KAZAKH_SURNAMES = [
  'Ахметов',
  'Серикбаев',
  'Нурланов',
  'Жумабаев',
  'Касымов',
  'Садыков',
  'Абдрахманов',
  'Токтаров',
  'Бекмуханов',
  'Омаров',
  'Ибраев',
  'Сулейменов',
  'Искаков',
  'Муканов',
  'Кенжебаев',
  'Оспанов',
  'Исаев',
  'Байжанов',
  'Амангельдин',
  'Мусин',
  'Есенов',
  'Рахимов',
  'Шаяхметов',
  'Калиев',
];
export const RUSSIAN_MALE = [
  'Алексей',
  'Дмитрий',
  'Сергей',
  'Андрей',
  'Максим',
  'Иван',
  'Евгений',
  'Николай',
  'Владимир',
  'Артём',
];
export const RUSSIAN_FEMALE = [
  'Анна',
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Юлия',
  'Екатерина',
  'Светлана',
  'Мария',
];
export const RUSSIAN_SURNAMES = [
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Ким',
  'Пак',
  'Шевченко',
  'Бондаренко',
];

/** Topics of government services and their share of contacts. */
export const TOPICS: readonly { name: string; weight: number }[] = [
  { name: 'egov-login', weight: 14 },
  { name: 'eds', weight: 12 },
  { name: 'pension', weight: 9 },
  { name: 'social-benefits', weight: 8 },
  { name: 'child-benefits', weight: 7 },
  { name: 'address-registration', weight: 7 },
  { name: 'id-card-passport', weight: 6 },
  { name: 'driving-licence', weight: 4 },
  { name: 'vehicle-registration', weight: 4 },
  { name: 'real-estate', weight: 4 },
  { name: 'business-registration', weight: 3 },
  { name: 'taxes', weight: 4 },
  { name: 'healthcare-attachment', weight: 4 },
  { name: 'health-insurance', weight: 3 },
  { name: 'kindergarten-queue', weight: 3 },
  { name: 'school-enrolment', weight: 2 },
  { name: 'employment', weight: 2 },
  { name: 'birth-registration', weight: 2 },
  { name: 'marriage-registration', weight: 1 },
  { name: 'military-registration', weight: 1 },
];

/** Channel shares of contacts. Telegram is a bot first: part of it never needs an operator. */
export const CHANNEL_WEIGHTS: readonly { name: Channel; weight: number }[] = [
  { name: 'voice', weight: 84 },
  { name: 'telegram', weight: 7 },
  { name: 'chat', weight: 4 },
  { name: 'web', weight: 3 },
  { name: 'email', weight: 2 },
];

export const LANGUAGES = ['ru', 'kk'] as const;
/** Share of contacts in Russian (DESIGN §1 and the brief: ≈ 70/30). */
export const RUSSIAN_SHARE = 0.7;

/** Queue of each language (index as LANGUAGES), and of the voice robot / chat bot. */
export const QUEUES = ['1414-ru', '1414-kk'] as const;
export const BOT_QUEUE = '1414-bot';

/** Pause reasons (agent-events `reason`), as DESIGN and the brief name them. */
export const PAUSE_REASONS = ['lunch', 'break', 'training', 'coaching', 'technical'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
