/**
 * The one message catalogue of the UI: Russian, Kazakh and English. A key missing in a language
 * falls back to English (a test checks that none is missing).
 */
export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'ru';
export const LANG_COOKIE = 'kezek_lang';

const en = {
  app_name: 'kezek',
  nav_supervisor: 'Supervisor',
  nav_planner: 'Planner',
  nav_hr: 'HR',
  morning_title: 'Yesterday at the centre',
  no_data: 'No calls in this period.',
  target: 'target',
  met: 'met',
  missed: 'missed',
  kpi_offered: 'Offered',
  kpi_answered: 'Answered',
  kpi_lost: 'Lost (≥ 30 s)',
  kpi_service_level: 'Service level',
  kpi_lost_rate: 'Lost calls',
  kpi_dial_through: 'Dial-through',
  kpi_asa_s: 'Average speed of answer',
  kpi_avg_wait_s: 'Average wait',
  kpi_aht_s: 'Average handle time',
  kpi_avg_rating: 'Average rating',
  kpi_csi: 'CSI (satisfied)',
  kpi_cdi: 'CDI (dissatisfied)',
  kpi_fcr: 'First-contact resolution',
  kpi_self_service: 'Self-service (robot)',
  kpi_callbacks: 'Call-backs',
  kpi_transferred: 'Transferred',
  kpi_ratings: 'Ratings',
  chart_sl_lost_by_hour: 'Service level and lost calls by hour',
  series_service_level: 'Service level',
  series_lost: 'Lost calls',
  series_offered: 'Offered',
  unit_s: 's',
  provisional: 'provisional',
  language: 'Language',
  date: 'Date',
  show: 'Show',
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Record<MessageKey, string>;

const ru: Catalogue = {
  app_name: 'kezek',
  nav_supervisor: 'Супервизор',
  nav_planner: 'Планирование',
  nav_hr: 'Кадры',
  morning_title: 'Вчера в контакт-центре',
  no_data: 'За этот период звонков нет.',
  target: 'цель',
  met: 'выполнено',
  missed: 'не выполнено',
  kpi_offered: 'Поступило',
  kpi_answered: 'Принято',
  kpi_lost: 'Потеряно (≥ 30 с)',
  kpi_service_level: 'Уровень сервиса',
  kpi_lost_rate: 'Потерянные звонки',
  kpi_dial_through: 'Дозвон',
  kpi_asa_s: 'Среднее время ответа',
  kpi_avg_wait_s: 'Среднее ожидание',
  kpi_aht_s: 'Среднее время обработки',
  kpi_avg_rating: 'Средняя оценка',
  kpi_csi: 'CSI (довольные)',
  kpi_cdi: 'CDI (недовольные)',
  kpi_fcr: 'Решено с первого обращения',
  kpi_self_service: 'Самообслуживание (робот)',
  kpi_callbacks: 'Обратные звонки',
  kpi_transferred: 'Переведено',
  kpi_ratings: 'Оценки',
  chart_sl_lost_by_hour: 'Уровень сервиса и потерянные звонки по часам',
  series_service_level: 'Уровень сервиса',
  series_lost: 'Потерянные',
  series_offered: 'Поступило',
  unit_s: 'с',
  provisional: 'предварительно',
  language: 'Язык',
  date: 'Дата',
  show: 'Показать',
};

const kk: Catalogue = {
  app_name: 'kezek',
  nav_supervisor: 'Супервайзер',
  nav_planner: 'Жоспарлау',
  nav_hr: 'Кадрлар',
  morning_title: 'Кеше байланыс орталығында',
  no_data: 'Бұл кезеңде қоңыраулар жоқ.',
  target: 'мақсат',
  met: 'орындалды',
  missed: 'орындалмады',
  kpi_offered: 'Түскені',
  kpi_answered: 'Қабылданғаны',
  kpi_lost: 'Жоғалғаны (≥ 30 с)',
  kpi_service_level: 'Қызмет деңгейі',
  kpi_lost_rate: 'Жоғалған қоңыраулар',
  kpi_dial_through: 'Қосылу',
  kpi_asa_s: 'Орташа жауап беру уақыты',
  kpi_avg_wait_s: 'Орташа күту',
  kpi_aht_s: 'Орташа өңдеу уақыты',
  kpi_avg_rating: 'Орташа баға',
  kpi_csi: 'CSI (риза)',
  kpi_cdi: 'CDI (наразы)',
  kpi_fcr: 'Бірінші өтініште шешілді',
  kpi_self_service: 'Өзіне-өзі қызмет (робот)',
  kpi_callbacks: 'Кері қоңыраулар',
  kpi_transferred: 'Ауыстырылды',
  kpi_ratings: 'Бағалар',
  chart_sl_lost_by_hour: 'Сағат бойынша қызмет деңгейі мен жоғалған қоңыраулар',
  series_service_level: 'Қызмет деңгейі',
  series_lost: 'Жоғалғандар',
  series_offered: 'Түскені',
  unit_s: 'с',
  provisional: 'алдын ала',
  language: 'Тіл',
  date: 'Күні',
  show: 'Көрсету',
};

export const CATALOGUES: Record<Lang, Catalogue> = { en, ru, kk };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** A translator for one language. */
export function translator(lang: Lang): (key: MessageKey) => string {
  const catalogue = CATALOGUES[lang];
  return (key) => catalogue[key] ?? en[key];
}
